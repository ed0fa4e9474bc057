import { IsIn, Matches } from 'class-validator';
import { IsIsoInstant } from '../../validators/iso-instant.validator';
import { IsMemberId } from '../../validators/member-id.validator';
import { CASE_TYPES, CASEWORK_ID_MESSAGE, CASEWORK_ID_PATTERN, type CaseType } from './case-opened.enums';

/**
 * CONTRACT: payload of `case-opened` v1: casework opened a case for a member.
 * Owned by casework (not built yet); kept to what every consumer needs so casework can add fields additively.
 */
export class CaseOpenedPayload {
  @Matches(CASEWORK_ID_PATTERN, { message: CASEWORK_ID_MESSAGE })
  caseId!: string;

  @IsMemberId()
  memberId!: string;

  @IsIn(CASE_TYPES)
  caseType!: CaseType;

  /** When the case was opened (ISO-8601 instant). */
  @IsIsoInstant()
  openedAt!: string;
}
