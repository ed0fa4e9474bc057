import { TOPICS } from '../../catalog/topic-catalog';
import { defineEvent } from '../../envelope/event-definition';
import { ScreeningRequestedPayload } from './screening-requested.payload';

/**
 * `screening-requested`: a PHQ-9, PHQ-2 or AUDIT-C screening is due for a member.
 * `ScreeningRequested.V1` carries a {@link ScreeningRequestedPayload}.
 */
export const ScreeningRequested = {
  V1: defineEvent(TOPICS.screeningRequested, 1, ScreeningRequestedPayload),
} as const;
