import { CONSUMER_GROUPS, consumerOf } from '@care/contracts';
import type { EventConsumerDefinition } from '@care/messaging';
import type { SurveyMetrics } from '../../shared/survey.metrics';
import type { RecordVisitsUseCase } from '../use-cases/record-visits/record-visits.use-case';

/**
 * Consumes `claim-received`: opens a visit for each new office visit a claim describes, decides it when the member is
 * known, and stages `survey-triggered` for a selected visit in the same transaction as the visit and the inbox record.
 */
export function triggerSurveysWhenClaimsArrive(
  recordVisits: RecordVisitsUseCase,
  metrics: SurveyMetrics,
): EventConsumerDefinition {
  return {
    // the consumer group is <prefix><service>.<name>, declared in the catalog
    ...consumerOf(CONSUMER_GROUPS.surveyTriggerVisits),
    handle: async (events, context) => {
      const outcome = await recordVisits.execute(context.manager, events);
      await context.stage(outcome.events);
      context.afterCommit(() => {
        metrics.recordClaims(outcome.claims);
        metrics.recordVisits(outcome.visits);
      });
    },
  };
}
