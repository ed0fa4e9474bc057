import {
  ProgramEnrollmentChanged,
  SCREENING_REQUEST_REASON,
  CONSUMER_GROUPS,
  consumerOf,
} from '@care/contracts';
import { isEventOf, type EventConsumerDefinition } from '@care/messaging';
import type { ScreeningRequestMetrics } from '../screening-request.metrics';
import type { RequestScreeningsUseCase } from '../use-cases/request-screenings/request-screenings.use-case';
import { applyScreeningTriggers } from './screening-trigger.handler';

/**
 * Consumes `program-enrollment-changed`: a change to `enrolled` requests PHQ-9 and AUDIT-C for the member unless
 * recently screened or already requested; other statuses (declined, opted-out, unenrolled) change nothing here
 * (casework owns enrollment and decides what to do with open screening tasks).
 */
export function requestScreeningsWhenMemberEnrolled(
  useCase: RequestScreeningsUseCase,
  metrics: ScreeningRequestMetrics,
): EventConsumerDefinition {
  return {
    // the consumer group is <prefix><service>.<name>, declared in the catalog
    ...consumerOf(CONSUMER_GROUPS.behavioralScreeningEnrollment),
    handle: (events, context) =>
      applyScreeningTriggers(
        events,
        context,
        (event) => {
          if (!isEventOf(event, ProgramEnrollmentChanged.V1)) return 'unsupported-version';
          const { memberId, programId, status, changedAt } = event.envelope.data;
          if (status !== 'enrolled') return 'ignore';
          return {
            memberId,
            reason: SCREENING_REQUEST_REASON.programEnrolled,
            at: changedAt,
            programId,
            cause: event,
          };
        },
        useCase,
        metrics,
      ),
  };
}
