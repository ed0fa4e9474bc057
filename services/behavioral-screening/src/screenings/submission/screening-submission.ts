import type { AuditCSex, Phq9SafetySignal } from '@care/clinical';
import type { ScreeningSource, ValidationIssue } from '@care/contracts';
import type { AnyValidatedAnswers } from '../scoring/instrument-definitions';

/** A screening submission that passed every check, from either channel, ready to score and store. */
export interface ScreeningSubmission {
  readonly screeningId: string;
  readonly memberId: string;
  readonly answers: AnyValidatedAnswers;
  /** Selects the AUDIT-C cut-off; 'unknown' when not given. */
  readonly sex: AuditCSex;
  /** Normalized ISO-8601 instant (UTC, milliseconds). */
  readonly completedAt: string;
  readonly source: ScreeningSource;
  /** The FHIR QuestionnaireResponse as received (source `fhir`); built from the answers otherwise. */
  readonly questionnaireResponse?: Readonly<Record<string, unknown>>;
}

/**
 * The outcome of checking a submission: the submission, or every issue (one per failing field or item, messages
 * without submitted values). `safetySignal` reads PHQ-9 item 9 on its own, so a rejected PHQ-9 never hides a
 * safety risk from the coach who sent it.
 */
export type SubmissionCheck =
  | { readonly ok: true; readonly submission: ScreeningSubmission }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[]; readonly safetySignal?: Phq9SafetySignal };

/** How far in the future a completion time may be (clocks of coaches' devices drift). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** The issue for a completion time in the future, or undefined. */
export function futureInstantIssue(field: string, instant: string, now: Date): ValidationIssue | undefined {
  return Date.parse(instant) > now.getTime() + MAX_CLOCK_SKEW_MS
    ? { field, messages: [`${field} must not be in the future`] }
    : undefined;
}
