import { TOPICS } from '../../catalog/topic-catalog';
import { defineEvent } from '../../envelope/event-definition';
import { CareAlertIssuedPayload } from './care-alert-issued.payload';

/** `care-alert-issued`: an alert about a care gap. `CareAlertIssued.V1` carries a {@link CareAlertIssuedPayload}. */
export const CareAlertIssued = {
  V1: defineEvent(TOPICS.careAlertIssued, 1, CareAlertIssuedPayload),
} as const;
