import { validateAnswers, type AuditCSex } from '@care/clinical';
import type { ScreeningInstrument, ScreeningSource } from '@care/contracts';
import type { EntityManager } from 'typeorm';
import { INSTRUMENT_DEFINITIONS } from '../scoring/instrument-definitions';
import type { ScreeningSubmission } from '../submission/screening-submission';

/** A screening held until its member is on the roster. */
export interface HeldScreening {
  readonly screeningId: string;
  readonly memberId: string;
  readonly contentHash: string;
  readonly receivedAt: string;
  readonly submission: ScreeningSubmission;
  /** The `screening-safety-signal` sent when it was held (a self-harm answer), if any. */
  readonly safetyEventId: string | null;
}

/** The submission as stored: the answer values (validated again when released), never the branded object. */
interface StoredSubmission {
  readonly screeningId: string;
  readonly memberId: string;
  readonly instrument: ScreeningInstrument;
  readonly values: readonly number[];
  readonly sex: AuditCSex;
  readonly completedAt: string;
  readonly source: ScreeningSource;
  readonly questionnaireResponse?: Readonly<Record<string, unknown>>;
}

interface Row {
  screening_id: string;
  member_id: string;
  content_hash: string;
  received_at: Date;
  submission: StoredSubmission;
  safety_event_id: string | null;
}

function submissionOf(stored: StoredSubmission): ScreeningSubmission {
  const answers = validateAnswers(
    INSTRUMENT_DEFINITIONS[stored.instrument],
    Object.fromEntries(stored.values.map((value, index) => [String(index + 1), value])),
  );
  if (!answers.ok) throw new Error(`held screening ${stored.screeningId} no longer validates`);
  return {
    screeningId: stored.screeningId,
    memberId: stored.memberId,
    answers: answers.answers,
    sex: stored.sex,
    completedAt: stored.completedAt,
    source: stored.source,
    ...(stored.questionnaireResponse !== undefined && {
      questionnaireResponse: stored.questionnaireResponse,
    }),
  };
}

const heldOf = (row: Row): HeldScreening => ({
  screeningId: row.screening_id,
  memberId: row.member_id,
  contentHash: row.content_hash,
  receivedAt: row.received_at.toISOString(),
  submission: submissionOf(row.submission),
  safetyEventId: row.safety_event_id,
});

/** Valid screenings of members not on the roster yet (`held_screenings`). */
export const heldScreeningRepository = {
  async find(manager: EntityManager, screeningId: string): Promise<HeldScreening | undefined> {
    const rows = await manager.query<Row[]>('SELECT * FROM held_screenings WHERE screening_id = $1', [
      screeningId,
    ]);
    const row = rows[0];
    return row === undefined ? undefined : heldOf(row);
  },

  async insert(
    manager: EntityManager,
    held: {
      submission: ScreeningSubmission;
      contentHash: string;
      receivedAt: string;
      safetyEventId: string | undefined;
    },
  ): Promise<void> {
    const { submission } = held;
    const stored: StoredSubmission = {
      screeningId: submission.screeningId,
      memberId: submission.memberId,
      instrument: submission.answers.instrument,
      values: submission.answers.values,
      sex: submission.sex,
      completedAt: submission.completedAt,
      source: submission.source,
      ...(submission.questionnaireResponse !== undefined && {
        questionnaireResponse: submission.questionnaireResponse,
      }),
    };
    await manager.query(
      `INSERT INTO held_screenings (screening_id, member_id, content_hash, received_at, submission, safety_event_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        submission.screeningId,
        submission.memberId,
        held.contentHash,
        held.receivedAt,
        JSON.stringify(stored),
        held.safetyEventId ?? null,
      ],
    );
  },

  /** The held screenings of these members, oldest first, removed from the hold (in the caller's transaction). */
  async release(manager: EntityManager, memberIds: readonly string[]): Promise<HeldScreening[]> {
    if (memberIds.length === 0) return [];
    const rows = await manager.query<Row[]>(
      // A DELETE ... RETURNING reads as [rows, count] through TypeORM; selected from a CTE it reads as rows.
      'WITH released AS (DELETE FROM held_screenings WHERE member_id = ANY($1::text[]) RETURNING *) SELECT * FROM released',
      [[...new Set(memberIds)]],
    );
    return rows
      .map(heldOf)
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.screeningId.localeCompare(b.screeningId));
  },
};
