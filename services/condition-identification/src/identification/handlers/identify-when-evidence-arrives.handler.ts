import { CONSUMER_GROUPS, consumerOf } from '@care/contracts';
import type { EventConsumerDefinition } from '@care/messaging';
import type { Clock } from '@care/observability';
import type { EvaluateMembersUseCase } from '../evaluation/evaluate-members.use-case';
import { lockMembers } from '../evidence/evidence.repository';
import { membersOf, recordAssessments, recordClaims } from '../evidence/record-evidence';
import type { IdentificationMetrics } from '../identification.metrics';

/**
 * Consumes `claim-received` and `assessment-completed` (one consumer group, so one member's claims and assessments
 * are applied in a single order per batch): stores the evidence, re-evaluates only the rules it concerns for only
 * the members it names, and stages the resulting identifications and retractions in the same transaction as the
 * inbox record and the evidence.
 */
export function identifyWhenEvidenceArrives(
  evaluate: EvaluateMembersUseCase,
  metrics: IdentificationMetrics,
  clock: Clock,
): EventConsumerDefinition {
  return {
    // the consumer group is <prefix><service>.<name>, declared in the catalog
    ...consumerOf(CONSUMER_GROUPS.conditionIdentificationEvidence),
    handle: async (events, context) => {
      await lockMembers(context.manager, membersOf(events));
      const requests = [
        ...(await recordClaims(context.manager, events, evaluate.rules, evaluate.codeSets)),
        ...(await recordAssessments(context.manager, events, evaluate.rules)),
      ];
      const outcome = await evaluate.execute(context.manager, requests, clock.now());
      await context.stage(outcome.events);
      context.afterCommit(() => metrics.record(outcome));
    },
  };
}
