import type { ScreeningInstrument, ScreeningSource } from '@care/contracts';
import type { EntityManager } from 'typeorm';
import type { CompletedScreeningKind } from '../../requests/screening-satisfaction';
import type { ScreeningResult } from '../screening-result';

/** A screening about to be stored, with everything derived from it. */
export interface ScreeningToStore {
  readonly result: ScreeningResult;
  readonly contentHash: string;
  readonly questionnaireResponse: Readonly<Record<string, unknown>>;
  readonly observation: Readonly<Record<string, unknown>>;
}

/** What is stored under a screening id. */
export interface StoredScreening {
  readonly memberId: string;
  readonly contentHash: string;
  readonly result: ScreeningResult;
}

/** One row of a member's history. */
export interface ScreeningSummary {
  readonly screeningId: string;
  readonly instrument: ScreeningInstrument;
  readonly instrumentVersion: string;
  readonly total: number;
  readonly severity?: string;
  readonly positive: boolean;
  readonly safetyFlag: boolean;
  readonly priority: string;
  readonly completedAt: string;
  readonly source: ScreeningSource;
}

/** Screenings in the behavioral_screening schema. */
export const screeningRepository = {
  /** Inserts the screening unless its id exists; true when inserted. */
  async insertNew(manager: EntityManager, screening: ScreeningToStore): Promise<boolean> {
    const { result } = screening;
    const rows = await manager.query<Array<{ screening_id: string }>>(
      `INSERT INTO screenings (screening_id, member_id, instrument, instrument_version, source, answers, total,
         severity, positive, safety_flag, priority, completed_at, received_at, content_hash, event_id, result,
         questionnaire_response, observation)
       VALUES ($1, $2, $3, $4, $5, $6::smallint[], $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       ON CONFLICT (screening_id) DO NOTHING
       RETURNING screening_id`,
      [
        result.screeningId,
        result.memberId,
        result.instrument,
        result.instrumentVersion,
        result.source,
        result.answers.map((answer) => answer.value),
        result.total,
        result.severity ?? null,
        result.positive,
        result.safetyFlag,
        result.priority,
        result.completedAt,
        result.receivedAt,
        screening.contentHash,
        result.eventId,
        JSON.stringify(result),
        JSON.stringify(screening.questionnaireResponse),
        JSON.stringify(screening.observation),
      ],
    );
    return rows.length > 0;
  },

  async find(manager: EntityManager, screeningId: string): Promise<StoredScreening | undefined> {
    const rows = await manager.query<Array<{ member_id: string; content_hash: string; result: ScreeningResult }>>(
      'SELECT member_id, content_hash, result FROM screenings WHERE screening_id = $1',
      [screeningId],
    );
    const row = rows[0];
    return row === undefined ? undefined : { memberId: row.member_id, contentHash: row.content_hash, result: row.result };
  },

  /** The stored QuestionnaireResponse and total-score Observation of a screening. */
  async findFhir(
    manager: EntityManager,
    screeningId: string,
  ): Promise<
    { memberId: string; questionnaireResponse: Record<string, unknown>; observation: Record<string, unknown> } | undefined
  > {
    const rows = await manager.query<
      Array<{ member_id: string; questionnaire_response: Record<string, unknown>; observation: Record<string, unknown> }>
    >('SELECT member_id, questionnaire_response, observation FROM screenings WHERE screening_id = $1', [screeningId]);
    const row = rows[0];
    return row === undefined
      ? undefined
      : { memberId: row.member_id, questionnaireResponse: row.questionnaire_response, observation: row.observation };
  },

  /** Instrument and result of the member's screenings completed at or after `since`. */
  async kindsCompletedSince(manager: EntityManager, memberId: string, since: Date): Promise<CompletedScreeningKind[]> {
    return manager.query<CompletedScreeningKind[]>(
      'SELECT instrument, positive FROM screenings WHERE member_id = $1 AND completed_at >= $2',
      [memberId, since.toISOString()],
    );
  },

  /** Whether the member has a PHQ-9 completed after `completedAt` (a later PHQ-9 supersedes the follow-up). */
  async hasPhq9CompletedAfter(manager: EntityManager, memberId: string, completedAt: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      "SELECT 1 FROM screenings WHERE member_id = $1 AND instrument = 'phq-9' AND completed_at > $2 LIMIT 1",
      [memberId, completedAt],
    );
    return rows.length > 0;
  },

  /** The member's screenings, newest first. */
  async listForMember(manager: EntityManager, memberId: string): Promise<ScreeningSummary[]> {
    const rows = await manager.query<
      Array<{
        screening_id: string;
        instrument: ScreeningInstrument;
        instrument_version: string;
        total: number;
        severity: string | null;
        positive: boolean;
        safety_flag: boolean;
        priority: string;
        completed_at: Date;
        source: ScreeningSource;
      }>
    >(
      `SELECT screening_id, instrument, instrument_version, total, severity, positive, safety_flag, priority,
              completed_at, source
         FROM screenings WHERE member_id = $1 ORDER BY completed_at DESC, screening_id DESC`,
      [memberId],
    );
    return rows.map((row) => ({
      screeningId: row.screening_id,
      instrument: row.instrument,
      instrumentVersion: row.instrument_version,
      total: row.total,
      ...(row.severity !== null && { severity: row.severity }),
      positive: row.positive,
      safetyFlag: row.safety_flag,
      priority: row.priority,
      completedAt: row.completed_at.toISOString(),
      source: row.source,
    }));
  },
};
