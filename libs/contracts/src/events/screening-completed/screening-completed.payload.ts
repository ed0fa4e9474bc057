import 'reflect-metadata'; // class-transformer's @Type reads design-time types when the class is declared
import { Type } from 'class-transformer';
import {
  IsObject,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../../validators/calendar-date.validator';
import { ForbiddenWhen } from '../../validators/forbidden-when.validator';
import { IsIsoInstant } from '../../validators/iso-instant.validator';
import { IsLoincCode } from '../../validators/loinc-code.validator';
import { IsMemberId } from '../../validators/member-id.validator';
import { OptionalField } from '../../validators/optional-field.validator';
import { RequiredWhen } from '../../validators/required-when.validator';
import {
  AUDIT_C_CUTOFF_BASES,
  PHQ9_SEVERITIES,
  SCREENING_ID_MESSAGE,
  SCREENING_ID_PATTERN,
  SCREENING_INSTRUMENTS,
  SCREENING_PRIORITIES,
  SCREENING_SOURCES,
  type AuditCCutoffBasisName,
  type Phq9SeverityBand,
  type ScreeningInstrument,
  type ScreeningPriority,
  type ScreeningSource,
} from '../screening-requested/screening.enums';
import { ScreeningAnswer } from './screening-answer.payload';

const isPhq9 = (payload: ScreeningCompletedPayload): boolean => payload.instrument === 'phq-9';
const isNotPhq9 = (payload: ScreeningCompletedPayload): boolean => payload.instrument !== 'phq-9';
const isAuditC = (payload: ScreeningCompletedPayload): boolean => payload.instrument === 'audit-c';
const isNotAuditC = (payload: ScreeningCompletedPayload): boolean => payload.instrument !== 'audit-c';

/**
 * CONTRACT: payload of `screening-completed` v1: a scored screening. The total is always recomputed by
 * behavioral-screening from the answers with the instrument definition named by `instrument` and
 * `instrumentVersion`. `priority` orders the casework queue: `urgent` first (safety flag).
 */
export class ScreeningCompletedPayload {
  /** The screening's id as submitted (idempotency key: one screening-completed per id). */
  @Matches(SCREENING_ID_PATTERN, { message: SCREENING_ID_MESSAGE })
  screeningId!: string;

  @IsMemberId()
  memberId!: string;

  @IsIn(SCREENING_INSTRUMENTS)
  instrument!: ScreeningInstrument;

  /** Version of the instrument definition that scored it (semantic version). */
  @Matches(/^\d+\.\d+\.\d+$/, { message: '$property must be a semantic version (1.0.0)' })
  instrumentVersion!: string;

  /** LOINC code of the instrument's panel (PHQ-9 44249-1, AUDIT-C 72109-2). */
  @IsLoincCode()
  panelLoinc!: string;

  /** LOINC code of the instrument's total score (PHQ-9 44261-6, AUDIT-C 75626-2). */
  @IsLoincCode()
  totalLoinc!: string;

  /** Total score: PHQ-9 0–27, PHQ-2 0–6, AUDIT-C 0–12. */
  @IsInt()
  @Min(0)
  @Max(27)
  total!: number;

  /** PHQ-9 severity band; PHQ-9 only. */
  @RequiredWhen(isPhq9, 'instrument is phq-9')
  @ForbiddenWhen(isNotPhq9, 'instrument is not phq-9')
  @IsIn(PHQ9_SEVERITIES)
  severity?: Phq9SeverityBand;

  /** Positive screen: total at or above `positiveCutoff`. */
  @IsBoolean()
  positive!: boolean;

  /** The cut-off that applied (configured per instrument; AUDIT-C per sex). */
  @IsInt()
  @Min(1)
  @Max(27)
  positiveCutoff!: number;

  /** Safety risk: PHQ-9 item 9 (thoughts of self-harm) answered above 0, whatever the total. */
  @IsBoolean()
  safetyFlag!: boolean;

  @IsIn(SCREENING_PRIORITIES)
  priority!: ScreeningPriority;

  /** Every scored item in order with its answer (PHI). */
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(9)
  // An array or null item would otherwise pass as a nested object with no fields.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ScreeningAnswer)
  answers!: ScreeningAnswer[];

  /** AUDIT-C only: all points come from question 1 (drinking likely below recommended limits). */
  @RequiredWhen(isAuditC, 'instrument is audit-c')
  @ForbiddenWhen(isNotAuditC, 'instrument is not audit-c')
  @IsBoolean()
  onlyFrequencyPoints?: boolean;

  /** AUDIT-C only: which cut-off applied (the member's sex, or the sensitive one for other or unknown). */
  @RequiredWhen(isAuditC, 'instrument is audit-c')
  @ForbiddenWhen(isNotAuditC, 'instrument is not audit-c')
  @IsIn(AUDIT_C_CUTOFF_BASES)
  cutoffBasis?: AuditCCutoffBasisName;

  /** Positive PHQ-9 only: the day (UTC) a follow-up PHQ-9 is scheduled for, to monitor response. */
  @OptionalField()
  @IsCalendarDate()
  followUpDueOn?: string;

  /** When the screening was done (ISO-8601 instant). */
  @IsIsoInstant()
  completedAt!: string;

  @IsIn(SCREENING_SOURCES)
  source!: ScreeningSource;
}
