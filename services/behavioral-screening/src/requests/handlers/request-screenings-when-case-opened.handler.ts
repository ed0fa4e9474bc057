import { CaseOpened, SCREENING_REQUEST_REASON, CONSUMER_GROUPS, consumerOf } from '@care/contracts';
import { isEventOf, type EventConsumerDefinition } from '@care/messaging';
import type { ScreeningRequestMetrics } from '../screening-request.metrics';
import type { RequestScreeningsUseCase } from '../use-cases/request-screenings/request-screenings.use-case';
import { applyScreeningTriggers } from './screening-trigger.handler';

/**
 * Consumes `case-opened` (every case type: case management, coaching, advocacy) and requests PHQ-9 and AUDIT-C
 * for the member unless recently screened or already requested. Events arrive decoded and validated; invalid
 * ones were dead-lettered by the messaging layer.
 */
export function requestScreeningsWhenCaseOpened(
  useCase: RequestScreeningsUseCase,
  metrics: ScreeningRequestMetrics,
): EventConsumerDefinition {
  return {
    // the consumer group is <prefix><service>.<name>, declared in the catalog
    ...consumerOf(CONSUMER_GROUPS.behavioralScreeningCaseOpened),
    handle: (events, context) =>
      applyScreeningTriggers(
        events,
        context,
        (event) => {
          if (!isEventOf(event, CaseOpened.V1)) return 'unsupported-version';
          const { memberId, openedAt, caseId } = event.envelope.data;
          return {
            memberId,
            reason: SCREENING_REQUEST_REASON.caseOpened,
            at: openedAt,
            caseId,
            cause: event,
          };
        },
        useCase,
        metrics,
      ),
  };
}
