import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsMemberId, OptionalField } from '@care/contracts';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';

/** Query of `GET /v1/audit/reads`. */
export class AuditTrailQuery {
  @ApiPropertyOptional({ description: 'Only reads of this member', example: 'M-100234' })
  @OptionalField()
  @IsMemberId()
  memberId?: string;

  @ApiPropertyOptional({
    description: 'Only reads by this user or client (the token subject)',
    example: 'coach-ana',
  })
  @OptionalField()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$/, {
    message: '$property must be a token subject (letters, digits, . _ : @ -)',
  })
  actor?: string;

  @ApiPropertyOptional({
    description: "Entries after this entry id (the previous page's nextAfter)",
    example: '1042',
  })
  @OptionalField()
  @Matches(/^\d{1,19}$/, { message: '$property must be an entry id' })
  after?: string;

  @ApiPropertyOptional({ description: 'Page size, 1-1000 (default 100)', example: 100 })
  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
