import { Type } from 'class-transformer';
import { IsIn, IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { IsNpi, OptionalField, RULE_TOKEN_PATTERN } from '@care/contracts';

/** Query of `GET /v1/gaps` (outreach lists): filters and keyset paging by gap id. */
export class ListGapsQuery {
  @OptionalField()
  @Matches(RULE_TOKEN_PATTERN, { message: 'rule must be a gap rule id' })
  rule?: string;

  @OptionalField()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  /** The doctor the gap is addressed to (attributed PCP or prescriber). */
  @OptionalField()
  @IsNpi()
  provider?: string;

  /** `nextCursor` of the previous page. */
  @OptionalField()
  @IsUUID()
  cursor?: string;

  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** Query of `GET /v1/providers/{npi}/gaps`: keyset paging by gap id. */
export class ProviderGapsQuery {
  @OptionalField()
  @IsUUID()
  cursor?: string;

  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
