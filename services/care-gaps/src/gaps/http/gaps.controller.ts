import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ParseMemberIdPipe, ParseNpiPipe } from '@care/observability';
import { GapsQuery, type GapPage } from './gaps.query';
import { ListGapsQuery, ProviderGapsQuery } from './list-gaps.query';

/** Members' gaps, outreach lists and the doctor's list. */
@ApiTags('gaps')
@Controller('v1')
export class GapsController {
  constructor(@Inject(GapsQuery) private readonly gaps: GapsQuery) {}

  @Get('members/:memberId/gaps')
  @ApiOkResponse({
    description:
      'The member\'s gaps, open and closed (rule id and version, evidence, opened and closed, alerts issued or ' +
      'suppressed), and today\'s evaluation of every rule the member is eligible for',
  })
  @ApiBadRequestResponse({ description: 'memberId is not a member id' })
  memberGaps(@Param('memberId', ParseMemberIdPipe) memberId: string): ReturnType<GapsQuery['forMember']> {
    return this.gaps.forMember(memberId);
  }

  @Get('gaps')
  @ApiOkResponse({ description: 'Gaps by rule, status and doctor, 100 a page by default (cursor = nextCursor)' })
  @ApiBadRequestResponse({ description: 'Every bad query parameter is named' })
  list(@Query() query: ListGapsQuery): Promise<GapPage> {
    return this.gaps.list(query);
  }

  @Get('providers/:npi/gaps')
  @ApiOkResponse({ description: 'Open gaps addressed to this doctor (attributed PCP or prescriber): the list a doctor gets' })
  @ApiBadRequestResponse({ description: 'npi is not an NPI' })
  providerGaps(@Param('npi', ParseNpiPipe) npi: string, @Query() query: ProviderGapsQuery): Promise<GapPage> {
    return this.gaps.list({ ...query, provider: npi, status: 'open' });
  }
}
