import { TOPICS } from '../../catalog/topic-catalog';
import { defineEvent } from '../../envelope/event-definition';
import { ScreeningSafetySignalPayload } from './screening-safety-signal.payload';

/**
 * `screening-safety-signal`: a self-harm answer in a PHQ-9 that could not be scored, for an urgent follow-up.
 * `ScreeningSafetySignal.V1` carries a {@link ScreeningSafetySignalPayload}.
 */
export const ScreeningSafetySignal = {
  V1: defineEvent(TOPICS.screeningSafetySignal, 1, ScreeningSafetySignalPayload),
} as const;
