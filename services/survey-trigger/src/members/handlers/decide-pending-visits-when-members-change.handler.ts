import { CONSUMER_GROUPS, consumerOf } from '@care/contracts';
import type { EventConsumerDefinition } from '@care/messaging';
import type { SurveyMetrics } from '../../shared/survey.metrics';
import type { RecordMembersUseCase } from '../use-cases/record-members/record-members.use-case';

/**
 * Consumes `member-eligibility-changed`: keeps each member's decision facts, and decides the visits that arrived
 * before the member was on the roster (staging `survey-triggered` for the selected ones in the same transaction).
 */
export function decidePendingVisitsWhenMembersChange(
  recordMembers: RecordMembersUseCase,
  metrics: SurveyMetrics,
): EventConsumerDefinition {
  return {
    // the consumer group is <prefix><service>.<name>, declared in the catalog
    ...consumerOf(CONSUMER_GROUPS.surveyTriggerMembers),
    handle: async (events, context) => {
      const outcome = await recordMembers.execute(context.manager, events);
      await context.stage(outcome.events);
      context.afterCommit(() => metrics.recordVisits(outcome.visits));
    },
  };
}
