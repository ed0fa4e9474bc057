import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ADMINISTRATIVE_SEXES,
  IsIsoInstant,
  IsMemberId,
  OptionalField,
  SCREENING_ID_MESSAGE,
  SCREENING_ID_PATTERN,
  SCREENING_INSTRUMENTS,
  type AdministrativeSex,
  type ScreeningInstrument,
} from '@care/contracts';
import { IsIn, IsObject, Matches } from 'class-validator';

/**
 * Body of `POST /v1/screenings`: answers a member gave to a coach. The answers themselves are checked per item
 * against the instrument definition (@care/clinical) after these field rules.
 */
export class SubmitScreeningRequest {
  @ApiProperty({
    description: 'Id of this screening, chosen by the submitter (a UUID): resubmitting it is idempotent',
    example: '5b7e3c1a-2f4d-4e8a-9b6c-1d2e3f4a5b6c',
  })
  @Matches(SCREENING_ID_PATTERN, { message: SCREENING_ID_MESSAGE })
  screeningId!: string;

  @ApiProperty({ example: 'M42-17-1' })
  @IsMemberId()
  memberId!: string;

  @ApiProperty({ enum: SCREENING_INSTRUMENTS })
  @IsIn(SCREENING_INSTRUMENTS)
  instrument!: ScreeningInstrument;

  @ApiProperty({
    description:
      'One answer value per item, keyed by item number ("1".."9") or item LOINC code ("44250-9"): PHQ 0-3, AUDIT-C 0-4',
    example: { '1': 1, '2': 2, '3': 0, '4': 1, '5': 0, '6': 0, '7': 1, '8': 0, '9': 1 },
  })
  @IsObject()
  answers!: Record<string, unknown>;

  @ApiProperty({ description: 'When the screening was done (ISO-8601 instant, not in the future)' })
  @IsIsoInstant()
  completedAt!: string;

  @ApiPropertyOptional({
    enum: ADMINISTRATIVE_SEXES,
    description: 'Selects the AUDIT-C cut-off (men 4, women 3, other or unknown 3); default unknown',
  })
  @OptionalField()
  @IsIn(ADMINISTRATIVE_SEXES)
  sex?: AdministrativeSex;
}
