import { TOPICS } from '../../catalog/topic-catalog';
import { defineEvent } from '../../envelope/event-definition';
import { ClaimReceivedPayload } from './claim-received.payload';

/** `claim-received`: a validated, stored claim. `ClaimReceived.V1` carries a {@link ClaimReceivedPayload}. */
export const ClaimReceived = {
  V1: defineEvent(TOPICS.claimReceived, 1, ClaimReceivedPayload),
} as const;
