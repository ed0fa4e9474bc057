import { createHash } from 'node:crypto';
import { POST_VISIT_SURVEY_TOPICS, type SurveyTopicId } from '@care/clinical';

/** A response's content as stored and compared: answers in the instrument's topic order, and the answer time. */
export interface ResponseContent {
  readonly answers: ReadonlyArray<{ readonly topic: SurveyTopicId; readonly value: number }>;
  /** As submitted (normalized to an ISO instant), or null when the submitter left it to the service. */
  readonly respondedAt: string | null;
}

const TOPIC_ORDER = new Map(POST_VISIT_SURVEY_TOPICS.map((topic, index) => [topic.id, index]));

/** Canonical content: answers sorted by topic order, the answer time as an ISO instant in UTC. */
export function responseContentOf(
  answers: ReadonlyArray<{ readonly topic: SurveyTopicId; readonly value: number }>,
  respondedAt: string | undefined,
): ResponseContent {
  return {
    answers: [...answers]
      .map((answer) => ({ topic: answer.topic, value: answer.value }))
      .sort((a, b) => (TOPIC_ORDER.get(a.topic) ?? 0) - (TOPIC_ORDER.get(b.topic) ?? 0)),
    respondedAt: respondedAt === undefined ? null : new Date(respondedAt).toISOString(),
  };
}

/**
 * SHA-256 of the canonical content: the same answers in any order, with the same answer time in any ISO form, hash
 * alike (a resubmission is a duplicate); any other difference is a conflict.
 */
export function responseContentHash(content: ResponseContent): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
