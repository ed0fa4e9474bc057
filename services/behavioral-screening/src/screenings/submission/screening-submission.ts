import type { AuditCSex, Phq9SafetySignal } from '@care/clinical';
import {
  isIsoInstant,
  isMemberId,
  SCREENING_ID_PATTERN,
  type ScreeningSource,
  type ValidationIssue,
} from '@care/contracts';
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
 * A PHQ-9 that cannot be scored but whose item 9 (thoughts of self-harm) was answered 1-3: stored as incomplete and
 * sent on as an urgent safety signal. Needs a valid screening id and member id (without them nothing can be routed).
 */
export interface IncompleteScreening {
  readonly screeningId: string;
  readonly memberId: string;
  /** The submitted completion time, when it is a valid instant not in the future. */
  readonly completedAt?: string;
  readonly source: ScreeningSource;
  /** The body as received, kept for the clinician who follows up (PHI: never logged). */
  readonly received: Readonly<Record<string, unknown>>;
}

/**
 * The outcome of checking a submission: the submission, or every issue (one per failing field or item, messages
 * without submitted values). `safetySignal` reads PHQ-9 item 9 on its own, so a rejected PHQ-9 never hides a
 * safety risk; `incomplete` is set when that risk can be routed (see {@link IncompleteScreening}).
 */
export type SubmissionCheck =
  | { readonly ok: true; readonly submission: ScreeningSubmission }
  | {
      readonly ok: false;
      readonly issues: readonly ValidationIssue[];
      readonly safetySignal?: Phq9SafetySignal;
      readonly incomplete?: IncompleteScreening;
    };

/** How far in the future a completion time may be (clocks of coaches' devices drift). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** The issue for a completion time in the future, or undefined. */
export function futureInstantIssue(field: string, instant: string, now: Date): ValidationIssue | undefined {
  return Date.parse(instant) > now.getTime() + MAX_CLOCK_SKEW_MS
    ? { field, messages: [`${field} must not be in the future`] }
    : undefined;
}

/**
 * The incomplete screening of a rejected PHQ-9 that carries a self-harm answer, when its screening id and member id
 * are valid on their own; undefined otherwise.
 */
export function incompleteScreeningOf(
  signal: Phq9SafetySignal | undefined,
  parts: {
    readonly screeningId: unknown;
    readonly memberId: unknown;
    readonly completedAt: unknown;
    readonly source: ScreeningSource;
    readonly received: Readonly<Record<string, unknown>>;
  },
  now: Date,
): IncompleteScreening | undefined {
  const { screeningId, memberId, completedAt } = parts;
  if (signal !== 'risk') return undefined;
  if (typeof screeningId !== 'string' || !SCREENING_ID_PATTERN.test(screeningId)) return undefined;
  if (typeof memberId !== 'string' || !isMemberId(memberId)) return undefined;
  const validInstant =
    typeof completedAt === 'string' &&
    isIsoInstant(completedAt) &&
    futureInstantIssue('completedAt', completedAt, now) === undefined;
  return {
    screeningId,
    memberId,
    ...(validInstant && { completedAt: new Date(completedAt).toISOString() }),
    source: parts.source,
    received: parts.received,
  };
}
