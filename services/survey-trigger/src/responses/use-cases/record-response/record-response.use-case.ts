import { POST_VISIT_SURVEY_VERSION } from '@care/clinical';
import type { DataSource } from 'typeorm';
import type { Clock } from '@care/observability';
import type { SurveyResponseRequest } from '../../dto/survey-response.request';
import {
  findResponse,
  insertResponse,
  type StoredResponse,
} from '../../persistence/survey-response.repository';
import { responseContentHash, responseContentOf } from '../../response-content.util';

/** What became of a submitted response. */
export type RecordResponseResult =
  | { readonly result: 'recorded' | 'duplicate'; readonly response: StoredResponse }
  | { readonly result: 'conflict' | 'no-survey' };

/**
 * Records a survey's response once: the first submission is stored with the hash of its content; the same content
 * again answers `duplicate` with the stored response; different content answers `conflict` and changes nothing.
 * Concurrent submissions are settled by the primary key (the loser reads the winner's row).
 */
export class RecordResponseUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async execute(surveyId: string, request: SurveyResponseRequest): Promise<RecordResponseResult> {
    const content = responseContentOf(request.answers, request.respondedAt);
    const contentHash = responseContentHash(content);
    return this.dataSource.transaction(async (manager): Promise<RecordResponseResult> => {
      const surveyed = await manager.query<unknown[]>(
        "SELECT 1 FROM visits WHERE visit_id = $1 AND status = 'surveyed'",
        [surveyId],
      );
      if (surveyed.length === 0) return { result: 'no-survey' };
      const now = this.clock.now().toISOString();
      const response: StoredResponse = {
        surveyId,
        contentHash,
        instrumentVersion: POST_VISIT_SURVEY_VERSION,
        respondedAt: content.respondedAt ?? now,
        receivedAt: now,
        answers: content.answers,
      };
      if (await insertResponse(manager, response)) return { result: 'recorded', response };
      const stored = await findResponse(manager, surveyId);
      if (stored === undefined || stored.contentHash !== contentHash) return { result: 'conflict' };
      return { result: 'duplicate', response: stored };
    });
  }
}
