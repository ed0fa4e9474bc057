import { TOPICS } from '../../catalog/topic-catalog';
import { defineEvent } from '../../envelope/event-definition';
import { CareGapClosedPayload } from './care-gap-closed.payload';

/** `care-gap-closed`: an open care gap closed. `CareGapClosed.V1` carries a {@link CareGapClosedPayload}. */
export const CareGapClosed = {
  V1: defineEvent(TOPICS.careGapClosed, 1, CareGapClosedPayload),
} as const;
