import { type ClaimSubmission, CONSUMER_GROUPS, consumerOf } from '@care/contracts';
import type { EventConsumerDefinition } from '@care/messaging';
import type { ClaimIntakeMetrics } from '../claim-intake.metrics';
import type { IntakeClaimsUseCase } from '../use-cases/intake-claims/intake-claims.use-case';

/** Dead-letter code of a claim resubmitted on `claims-inbound` with different content. */
export const CLAIM_CONFLICT_CODE = 'claim-conflict';

/**
 * Consumes `claims-inbound`: claims published directly by claims systems, already decoded and validated by the
 * messaging layer (invalid ones are dead-lettered there). Duplicates are acknowledged without effect; a conflicting
 * resubmission is dead-lettered with its reason while the rest of the batch is stored.
 */
export function acceptClaimsWhenPublishedInbound(
  useCase: IntakeClaimsUseCase,
  metrics: ClaimIntakeMetrics,
): EventConsumerDefinition {
  return {
    // the consumer group is <prefix><service>.<name>, declared in the catalog
    ...consumerOf(CONSUMER_GROUPS.claimsIntakeInbound),
    handle: async (events, context) => {
      const claims = events.map((event) => event.envelope.data as ClaimSubmission);
      const { outcomes, events: outgoing } = await useCase.execute(context.manager, claims, 'kafka', events);
      outcomes.forEach((outcome, index) => {
        if (outcome.status === 'conflict') {
          context.reject(
            events[index],
            CLAIM_CONFLICT_CODE,
            `claim ${outcome.claimId} version ${outcome.version} was already received with different content`,
          );
        }
      });
      await context.stage(outgoing);
      context.afterCommit(() => metrics.count('kafka', outcomes));
    },
  };
}
