import { ApiPropertyOptional } from '@nestjs/swagger';
import { CASEWORK_ID_MESSAGE, CASEWORK_ID_PATTERN, IsMemberId, OptionalField } from '@care/contracts';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';

/** Query of `GET /v1/audit/reads`. */
export class ReadAuditQuery {
  @ApiPropertyOptional({ description: 'Only reads of this member', example: 'M-100234' })
  @OptionalField()
  @IsMemberId()
  memberId?: string;

  @ApiPropertyOptional({ description: 'Only reads by this user', example: 'coach-ana' })
  @OptionalField()
  @Matches(CASEWORK_ID_PATTERN, { message: CASEWORK_ID_MESSAGE })
  actor?: string;

  @ApiPropertyOptional({ description: 'Entries after this entry id (the previous page\'s nextAfter)', example: '1042' })
  @OptionalField()
  @Matches(/^\d{1,19}$/, { message: '$property must be an entry id' })
  after?: string;

  @ApiPropertyOptional({ description: 'Page size, 1–1000 (default 100)', example: 100 })
  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
