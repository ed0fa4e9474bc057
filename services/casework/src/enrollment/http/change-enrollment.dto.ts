import { ApiProperty } from '@nestjs/swagger';
import {
  CASEWORK_ID_MESSAGE,
  CASEWORK_ID_PATTERN,
  ENROLLMENT_SOURCES,
  ENROLLMENT_STATUSES,
  type EnrollmentSource,
  type EnrollmentStatus,
} from '@care/contracts';
import { IsIn, Matches } from 'class-validator';

/** Body of `POST /v1/members/{memberId}/enrollment`. */
export class ChangeEnrollmentRequest {
  @ApiProperty({ example: 'chronic-condition-management' })
  @Matches(CASEWORK_ID_PATTERN, { message: CASEWORK_ID_MESSAGE })
  programId!: string;

  @ApiProperty({ enum: ENROLLMENT_STATUSES, description: 'opted-out and declined stop outreach for the care program' })
  @IsIn(ENROLLMENT_STATUSES)
  status!: EnrollmentStatus;

  @ApiProperty({ enum: ENROLLMENT_SOURCES, description: 'outreach (a coach), self (the member), doctor-referral' })
  @IsIn(ENROLLMENT_SOURCES)
  source!: EnrollmentSource;
}
