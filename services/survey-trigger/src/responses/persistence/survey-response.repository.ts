import type { SurveyTopicId } from '@care/clinical';
import type { EntityManager } from 'typeorm';

/** A stored response: its content hash, instrument version, times and answers (instrument topic order). */
export interface StoredResponse {
  readonly surveyId: string;
  readonly contentHash: string;
  readonly instrumentVersion: string;
  readonly respondedAt: string;
  readonly receivedAt: string;
  readonly answers: ReadonlyArray<{ readonly topic: SurveyTopicId; readonly value: number }>;
}

/** Inserts the response unless the survey has one; true when this call inserted it (answers included). */
export async function insertResponse(manager: EntityManager, response: StoredResponse): Promise<boolean> {
  const inserted = await manager.query<unknown[]>(
    `INSERT INTO survey_responses (survey_id, content_hash, instrument_version, responded_at, received_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (survey_id) DO NOTHING RETURNING survey_id`,
    [
      response.surveyId,
      response.contentHash,
      response.instrumentVersion,
      response.respondedAt,
      response.receivedAt,
    ],
  );
  if (inserted.length === 0) return false;
  await manager.query(
    `INSERT INTO survey_answers (survey_id, topic, value)
     SELECT $1, topic, value FROM unnest($2::text[], $3::smallint[]) AS a(topic, value)`,
    [
      response.surveyId,
      response.answers.map((answer) => answer.topic),
      response.answers.map((answer) => answer.value),
    ],
  );
  return true;
}

/** The response of a survey, if any. */
export async function findResponse(
  manager: EntityManager,
  surveyId: string,
): Promise<StoredResponse | undefined> {
  const rows = await manager.query<
    Array<{
      content_hash: string;
      instrument_version: string;
      responded_at: Date;
      received_at: Date;
      topic: string | null;
      value: number | null;
    }>
  >(
    `SELECT r.content_hash, r.instrument_version, r.responded_at, r.received_at, a.topic, a.value
       FROM survey_responses r LEFT JOIN survey_answers a ON a.survey_id = r.survey_id
      WHERE r.survey_id = $1`,
    [surveyId],
  );
  const [first] = rows;
  if (first === undefined) return undefined;
  return {
    surveyId,
    contentHash: first.content_hash,
    instrumentVersion: first.instrument_version,
    respondedAt: first.responded_at.toISOString(),
    receivedAt: first.received_at.toISOString(),
    answers: rows.flatMap((row) =>
      row.topic === null || row.value === null
        ? []
        : [{ topic: row.topic as SurveyTopicId, value: row.value }],
    ),
  };
}
