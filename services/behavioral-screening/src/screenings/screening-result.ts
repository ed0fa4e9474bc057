import type { ScreeningCompletedPayload } from '@care/contracts';
import type { AuditCSexChoice } from '../members/screening-member';

/**
 * What a submitter gets back for a screening (and again, identically, for a duplicate): the `screening-completed`
 * payload, the event's id, when the screening was received, the PHQ-9 requested after a positive PHQ-2, and for an
 * AUDIT-C which sex chose the cut-off (the roster's, the submission's, or none) and a submitted sex the roster
 * contradicted.
 */
export type ScreeningResult = ScreeningCompletedPayload & {
  readonly eventId: string;
  readonly receivedAt: string;
  readonly requestedNext?: { readonly requestId: string; readonly instrument: 'phq-9'; readonly dueOn: string };
  readonly auditCSex?: AuditCSexChoice;
};
