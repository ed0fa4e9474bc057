import type { ScreeningCompletedPayload } from '@care/contracts';

/**
 * What a submitter gets back for a screening (and again, identically, for a duplicate): the `screening-completed`
 * payload, the event's id, when the screening was received, and the PHQ-9 requested after a positive PHQ-2.
 */
export type ScreeningResult = ScreeningCompletedPayload & {
  readonly eventId: string;
  readonly receivedAt: string;
  readonly requestedNext?: { readonly requestId: string; readonly instrument: 'phq-9'; readonly dueOn: string };
};
