import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASEWORK_ID_MESSAGE,
  CASEWORK_ID_PATTERN,
  IsCalendarDate,
  IsIsoInstant,
  IsMemberId,
  IsNpi,
  OptionalField,
  HasAtMostDecimals,
} from '@care/contracts';
import { ADVOCACY_SERVICES } from '@care/clinical';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsNumber,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CASE_RESOLUTIONS,
  CASE_STATUSES,
  INTAKE_CHANNELS,
  type CaseResolution,
  type CaseStatus,
  type IntakeChannel,
} from '../case.model';

const SERVICE_IDS = ADVOCACY_SERVICES.map((service) => service.id);

/** The bill of a bill-saver request. */
export class CaseBillRequest {
  @ApiProperty({ description: 'What the member owes, in US dollars (cents allowed)', example: 1250 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @HasAtMostDecimals(2)
  @Min(0)
  @Max(10_000_000)
  amount!: number;

  @ApiProperty({
    description: 'Whether the plan covers the service billed (covered bills are not negotiated)',
    example: false,
  })
  @IsBoolean()
  coveredByPlan!: boolean;

  @ApiProperty({ description: 'Whether the billing provider is in network', example: false })
  @IsBoolean()
  inNetworkProvider!: boolean;

  @ApiPropertyOptional({ description: 'Billing provider NPI', example: '1234567893' })
  @OptionalField()
  @IsNpi()
  providerNpi?: string;

  @ApiPropertyOptional({ description: 'Day of service', example: '2026-10-02' })
  @OptionalField()
  @IsCalendarDate()
  serviceDate?: string;
}

/** Body of `POST /v1/cases`. */
export class OpenCaseRequest {
  @ApiPropertyOptional({
    description: 'Chosen by the client so a retried intake opens the case once',
    example: 'C-2026-000142',
  })
  @OptionalField()
  @Matches(CASEWORK_ID_PATTERN, { message: CASEWORK_ID_MESSAGE })
  caseId?: string;

  @ApiProperty({
    description: 'The person helped: the covered employee or a family member on the roster',
    example: 'M-100234',
  })
  @IsMemberId()
  memberId!: string;

  @ApiProperty({
    enum: SERVICE_IDS,
    description: 'The advocacy service asked for (catalog advocacy-2026.1); it sets the category and routing',
    example: 'second-opinion',
  })
  @IsIn(SERVICE_IDS)
  serviceId!: string;

  @ApiProperty({ enum: INTAKE_CHANNELS, example: 'phone' })
  @IsIn(INTAKE_CHANNELS)
  channel!: IntakeChannel;

  @ApiProperty({
    description: "The request in the member's words (PHI: stored, never logged)",
    example: 'Wants a second opinion before knee surgery.',
  })
  @IsString()
  @Length(1, 4000)
  summary!: string;

  @ApiPropertyOptional({
    description: 'When the member got in touch (default now); the callback is owed by the next business day',
    example: '2026-11-24T23:30:00Z',
  })
  @OptionalField()
  @IsIsoInstant()
  contactAt?: string;

  @ApiPropertyOptional({
    type: CaseBillRequest,
    description: 'Required for bill-saver: only non-covered bills over $400 are negotiated',
  })
  @ValidateIf((request: OpenCaseRequest) => request.serviceId === 'bill-saver' || request.bill !== undefined)
  @IsObject()
  @ValidateNested()
  @Type(() => CaseBillRequest)
  bill?: CaseBillRequest;
}

/** Body of `POST /v1/cases/{caseId}/status`. */
export class ChangeCaseStatusRequest {
  @ApiProperty({ enum: CASE_STATUSES, example: 'in-progress' })
  @IsIn(CASE_STATUSES)
  status!: CaseStatus;

  @ApiProperty({
    description:
      'Why, recorded in the case history (no PHI, please: it is shown to every reader of the case)',
    example: 'Called the member back',
  })
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiPropertyOptional({
    enum: CASE_RESOLUTIONS,
    description: 'Required with status resolved',
    example: 'completed',
  })
  @ValidateIf(
    (request: ChangeCaseStatusRequest) => request.status === 'resolved' || request.resolution !== undefined,
  )
  @IsIn(CASE_RESOLUTIONS)
  resolution?: CaseResolution;
}

/** The provider's written agreement to the negotiated amount. */
export class ProviderSignOffRequest {
  @ApiProperty({
    description: "Who signed for the provider (their office's staff name or title)",
    example: 'Billing manager, Valley Orthopedics',
  })
  @IsString()
  @Length(1, 200)
  signedBy!: string;

  @ApiProperty({ example: '2026-11-20T16:00:00Z' })
  @IsIsoInstant()
  signedAt!: string;

  @ApiProperty({
    description: 'Reference of the signed document in the document store',
    example: 'DOC-88412',
  })
  @Matches(CASEWORK_ID_PATTERN, { message: CASEWORK_ID_MESSAGE })
  documentId!: string;
}

/** Body of `POST /v1/cases/{caseId}/bill-negotiation`. */
export class RecordBillNegotiationRequest {
  @ApiProperty({
    description: 'What the provider agreed to accept, in US dollars (at most the bill)',
    example: 800,
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @HasAtMostDecimals(2)
  @Min(0)
  @Max(10_000_000)
  negotiatedAmount!: number;

  @ApiProperty({ example: 'Four monthly payments of $200, interest free' })
  @IsString()
  @Length(1, 1000)
  paymentTerms!: string;

  @ApiProperty({
    description: 'The written summary given to the member (PHI: stored, never logged)',
    example: 'Valley Orthopedics accepted $800 for the 2 October visit.',
  })
  @IsString()
  @Length(1, 8000)
  writtenSummary!: string;

  @ApiProperty({ type: ProviderSignOffRequest })
  @IsObject()
  @ValidateNested()
  @Type(() => ProviderSignOffRequest)
  providerSignOff!: ProviderSignOffRequest;
}
