import { randomUUID } from 'node:crypto';
import { normalizeClaim, type ClaimSubmission } from '@care/contracts';

/**
 * A `claim-received` message as claims-intake publishes it (docs/schemas/claim-received.v1.schema.json): the
 * normalized claim as data, keyed by member id. For tests and benchmarks of the services downstream of intake.
 */
export function claimReceivedMessage(
  claim: ClaimSubmission,
  id: string = randomUUID(),
): { key: string; value: string } {
  const now = new Date().toISOString();
  return {
    key: claim.memberId,
    value: JSON.stringify({
      id,
      type: 'claim-received',
      version: 1,
      occurredAt: now,
      source: 'claims-intake',
      subject: claim.memberId,
      correlationId: claim.claimId,
      causationId: null,
      data: { claim: normalizeClaim(claim), intakeChannel: 'kafka', receivedAt: now },
    }),
  };
}
