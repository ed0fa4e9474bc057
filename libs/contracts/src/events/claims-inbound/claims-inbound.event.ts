import { TOPICS } from '../../catalog/topic-catalog';
import { defineEvent } from '../../envelope/event-definition';
import { ClaimSubmission } from './claim-submission.payload';

/** `claims-inbound`: raw claims published by claims systems. `ClaimsInbound.V1` carries a {@link ClaimSubmission}. */
export const ClaimsInbound = {
  V1: defineEvent(TOPICS.claimsInbound, 1, ClaimSubmission),
} as const;
