import { TOPICS } from '../../catalog/topic-catalog';
import { defineEvent } from '../../envelope/event-definition';
import { CareGapDetectedPayload } from './care-gap-detected.payload';

/** `care-gap-detected`: a care gap opened. `CareGapDetected.V1` carries a {@link CareGapDetectedPayload}. */
export const CareGapDetected = {
  V1: defineEvent(TOPICS.careGapDetected, 1, CareGapDetectedPayload),
} as const;
