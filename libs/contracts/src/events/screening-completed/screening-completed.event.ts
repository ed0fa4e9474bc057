import { TOPICS } from '../../catalog/topic-catalog';
import { defineEvent } from '../../envelope/event-definition';
import { ScreeningCompletedPayload } from './screening-completed.payload';

/**
 * `screening-completed`: a scored screening with severity, positive and safety flags and a routing priority.
 * `ScreeningCompleted.V1` carries a {@link ScreeningCompletedPayload}.
 */
export const ScreeningCompleted = {
  V1: defineEvent(TOPICS.screeningCompleted, 1, ScreeningCompletedPayload),
} as const;
