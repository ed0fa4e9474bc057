import { IsIn, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate } from '../../validators/calendar-date.validator';
import { IsIsoInstant } from '../../validators/iso-instant.validator';
import { IsMemberId } from '../../validators/member-id.validator';
import { OptionalField } from '../../validators/optional-field.validator';
import { CASEWORK_ID_MESSAGE, CASEWORK_ID_PATTERN } from '../case-opened/case-opened.enums';
import {
  SCREENING_ID_MESSAGE,
  SCREENING_ID_PATTERN,
  SCREENING_INSTRUMENTS,
  SCREENING_REQUEST_REASONS,
  type ScreeningInstrument,
  type ScreeningRequestReason,
} from './screening.enums';

/** CONTRACT: payload of `screening-requested` v1: a screening is due for a member (casework turns it into a task). */
export class ScreeningRequestedPayload {
  /** Unique id of this request. */
  @IsUUID()
  requestId!: string;

  @IsMemberId()
  memberId!: string;

  @IsIn(SCREENING_INSTRUMENTS)
  instrument!: ScreeningInstrument;

  @IsIn(SCREENING_REQUEST_REASONS)
  reason!: ScreeningRequestReason;

  /** The day (UTC) by which the screening should be done. */
  @IsCalendarDate()
  dueOn!: string;

  /** When behavioral-screening decided the screening is due (ISO-8601 instant). */
  @IsIsoInstant()
  requestedAt!: string;

  /** The case whose opening caused the request (reason `case-opened`). */
  @OptionalField()
  @Matches(CASEWORK_ID_PATTERN, { message: CASEWORK_ID_MESSAGE })
  caseId?: string;

  /** The program the member enrolled in (reason `program-enrolled`). */
  @OptionalField()
  @Matches(CASEWORK_ID_PATTERN, { message: CASEWORK_ID_MESSAGE })
  programId?: string;

  /** The screening this one follows up (reasons `follow-up` and `positive-pre-screen`). */
  @OptionalField()
  @Matches(SCREENING_ID_PATTERN, { message: SCREENING_ID_MESSAGE })
  previousScreeningId?: string;
}
