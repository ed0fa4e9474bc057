import { IsIn, Matches } from 'class-validator';
import { IsIsoInstant } from '../../validators/iso-instant.validator';
import { IsMemberId } from '../../validators/member-id.validator';
import { CASEWORK_ID_MESSAGE, CASEWORK_ID_PATTERN } from '../case-opened/case-opened.enums';
import { OptionalField } from '../../validators/optional-field.validator';
import {
  ENROLLMENT_SOURCES,
  ENROLLMENT_STATUSES,
  type EnrollmentSource,
  type EnrollmentStatus,
} from './program-enrollment.enums';

/**
 * CONTRACT: payload of `program-enrollment-changed` v1: a member's status in one care program, as it is now.
 * Owned by casework; kept to what every consumer needs so casework can add fields additively.
 */
export class ProgramEnrollmentChangedPayload {
  @IsMemberId()
  memberId!: string;

  @Matches(CASEWORK_ID_PATTERN, { message: CASEWORK_ID_MESSAGE })
  programId!: string;

  /** The status after the change. */
  @IsIn(ENROLLMENT_STATUSES)
  status!: EnrollmentStatus;

  /** When the status changed (ISO-8601 instant). */
  @IsIsoInstant()
  changedAt!: string;

  /** How the change came about (added in v1 additively: absent on events from before casework existed). */
  @OptionalField()
  @IsIn(ENROLLMENT_SOURCES)
  source?: EnrollmentSource;
}
