import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/** Why PHI is revealed: recorded on `ops.audit` with the user before the payload is shown. */
export class RevealDeadLetterDto {
  @ApiProperty({
    description: 'why the payload must be seen unmasked (an incident or ticket)',
    maxLength: 500,
  })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(500)
  reason!: string;
}

/** A dead letter by partition and offset. */
export class DeadLetterPositionDto {
  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  partition!: number;

  @ApiProperty({ description: 'offset in the dead-letter topic (decimal digits)', example: '0' })
  @IsString()
  @Matches(/^\d{1,19}$/, { message: 'offset must be 1-19 decimal digits' })
  offset!: string;
}

/** Which dead letters to replay (exactly one of `all` and `positions`), how fast, and whether for real. */
export class ReplayDeadLettersDto {
  @ApiPropertyOptional({ description: 'every dead letter of the topic' })
  @IsOptional()
  @IsBoolean()
  all?: boolean;

  @ApiPropertyOptional({ type: [DeadLetterPositionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => DeadLetterPositionDto)
  positions?: DeadLetterPositionDto[];

  @ApiPropertyOptional({ description: 'upper bound on messages republished per second', default: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  ratePerSecond?: number;

  @ApiPropertyOptional({
    description: 'report what would be replayed; publish and record nothing',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
