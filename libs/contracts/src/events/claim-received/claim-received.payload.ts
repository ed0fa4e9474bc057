import 'reflect-metadata'; // class-transformer's @Type reads design-time types when the class is declared
import { Type } from 'class-transformer';
import { IsIn, IsObject, ValidateNested } from 'class-validator';
import { IsIsoInstant } from '../../validators/iso-instant.validator';
import { ClaimSubmission } from '../claims-inbound/claim-submission.payload';
import { INTAKE_CHANNELS, type IntakeChannel } from './claim-received.enums';

/** CONTRACT: payload of `claim-received` v1: a validated, stored claim in normalized form. */
export class ClaimReceivedPayload {
  /** The claim after `normalizeClaim` (upper-case codes, ICD-10 without the dot, 11-digit NDC). */
  @IsObject()
  @ValidateNested()
  @Type(() => ClaimSubmission)
  claim!: ClaimSubmission;

  @IsIn(INTAKE_CHANNELS)
  intakeChannel!: IntakeChannel;

  /** When claims-intake accepted the claim (ISO-8601 instant). */
  @IsIsoInstant()
  receivedAt!: string;
}
