import { randomUUID } from 'node:crypto';
/**
 * A `claims-inbound` message as a claims system would publish it (docs/schemas/claims-inbound.v1.schema.json):
 * the envelope with the claim as data, keyed by claim id.
 */
export function inboundClaimMessage(
  claim: { readonly claimId: string; readonly memberId: string },
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
