import { randomUUID } from 'node:crypto';
import type { ClaimSubmission } from '@care/contracts';

/** A `claims-inbound` message as a claims system would publish it: the envelope with the claim as data. */
export function inboundClaimMessage(
  claim: ClaimSubmission,
  id: string = randomUUID(),
): { key: string; value: string } {
  return {
    key: claim.claimId,
    value: JSON.stringify({
      id,
      type: 'claims-inbound',
      version: 1,
      occurredAt: new Date().toISOString(),
      source: 'test-claims-system',
      subject: claim.memberId,
      correlationId: claim.claimId,
      causationId: null,
      data: claim,
    }),
  };
}
