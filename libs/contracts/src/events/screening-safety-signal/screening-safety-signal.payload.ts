import { IsIn, Matches } from 'class-validator';
import { IsIsoInstant } from '../../validators/iso-instant.validator';
import { IsMemberId } from '../../validators/member-id.validator';
import { OptionalField } from '../../validators/optional-field.validator';
import {
  SCREENING_ID_MESSAGE,
  SCREENING_ID_PATTERN,
  SCREENING_SOURCES,
  type ScreeningSource,
} from '../screening-requested/screening.enums';

/**
 * Why a safety signal is sent on its own: the screening that carries it could not be scored (`incomplete-screening`),
 * or is held unscored because its member is not on the roster yet (`member-not-on-roster`).
 */
export const SAFETY_SIGNAL_REASONS = ['incomplete-screening', 'member-not-on-roster'] as const;
export type SafetySignalReason = (typeof SAFETY_SIGNAL_REASONS)[number];

/**
 * CONTRACT: payload of `screening-safety-signal` v1: a PHQ-9 whose item 9 (thoughts of self-harm) was answered 1-3
 * but that is not scored now: it could not be (another item missing or out of range), or its member is not on the
 * roster yet (held until the member arrives). The member needs the same urgent follow-up as for a scored screening
 * with the safety flag. When the screening is scored later (a complete resend, the member's arrival) it emits
 * `screening-completed` with the same `screeningId`: the same cause for casework, no second task. Carries no
 * answers.
 */
export class ScreeningSafetySignalPayload {
  @Matches(SCREENING_ID_PATTERN, { message: SCREENING_ID_MESSAGE })
  screeningId!: string;

  @IsMemberId()
  memberId!: string;

  @IsIn(['phq-9'])
  instrument!: 'phq-9';

  @IsIn(SAFETY_SIGNAL_REASONS)
  reason!: SafetySignalReason;

  /** When the screening was done, as submitted, when that was a valid instant. */
  @OptionalField()
  @IsIsoInstant()
  completedAt?: string;

  /** When behavioral-screening received it: the urgent follow-up is due from the earlier of the two. */
  @IsIsoInstant()
  receivedAt!: string;

  @IsIn(SCREENING_SOURCES)
  source!: ScreeningSource;
}
