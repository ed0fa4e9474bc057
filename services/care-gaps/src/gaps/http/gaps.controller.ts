import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import { AuditContext, AuditedRead, MemberReadAudit, type ReadContext, type ReadRecord } from '@care/audit';
import { Access, ACCESS, CurrentCaller, mayViewProvider, type Caller } from '@care/auth';
import { ParseMemberIdPipe, ParseNpiPipe } from '@care/observability';
import { GapsQuery, type GapPage } from './gaps.query';
import { ListGapsQuery, ProviderGapsQuery } from './list-gaps.query';

/** One audit entry per member a page of gaps shows. */
const readsOfPage =
  (action: string) =>
  (page: GapPage): ReadRecord[] =>
    [...new Set(page.items.map((gap) => gap.memberId))].map((memberId) => ({
      action,
      resourceType: 'member',
      resourceId: memberId,
      memberId,
    }));

/** Members' gaps, outreach lists and the doctor's list; every member whose gaps are shown is in the audit trail. */
@ApiTags('gaps')
@Controller('v1')
export class GapsController {
  constructor(
    @Inject(GapsQuery) private readonly gaps: GapsQuery,
    @Inject(MemberReadAudit) private readonly audit: MemberReadAudit,
  ) {}

  @Get('members/:memberId/gaps')
  @Access(ACCESS.readMemberData)
  @AuditedRead(
    "The member's gaps, open and closed (rule id and version, evidence, opened and closed, alerts issued or " +
      "suppressed), and today's evaluation of every rule the member is eligible for",
  )
  @ApiBadRequestResponse({ description: 'memberId is not a member id' })
  memberGaps(
    @Param('memberId', ParseMemberIdPipe) memberId: string,
    @AuditContext() context: ReadContext,
  ): ReturnType<GapsQuery['forMember']> {
    return this.audit.allowed(
      context,
      [{ action: 'gaps.read', resourceType: 'member', resourceId: memberId, memberId }],
      () => this.gaps.forMember(memberId),
    );
  }

  @Get('gaps')
  @Access(ACCESS.readMemberData)
  @AuditedRead(
    'Gaps by rule, status and doctor, 100 a page by default (cursor = nextCursor); one entry per member shown',
  )
  @ApiBadRequestResponse({ description: 'Every bad query parameter is named' })
  list(@Query() query: ListGapsQuery, @AuditContext() context: ReadContext): Promise<GapPage> {
    return this.audit.allowed(context, readsOfPage('gaps.list'), () => this.gaps.list(query));
  }

  @Get('providers/:npi/gaps')
  @Access(ACCESS.providerView)
  @AuditedRead(
    'Open gaps addressed to this doctor (attributed PCP or prescriber): the list a doctor gets. A provider sees ' +
      'only the NPIs of their token',
  )
  @ApiBadRequestResponse({ description: 'npi is not an NPI' })
  @ApiNotFoundResponse({
    description: 'A provider asking for an NPI that is not theirs (the refusal is audited)',
  })
  async providerGaps(
    @Param('npi', ParseNpiPipe) npi: string,
    @Query() query: ProviderGapsQuery,
    @CurrentCaller() caller: Caller,
    @AuditContext() context: ReadContext,
  ): Promise<GapPage> {
    if (!mayViewProvider(caller, npi)) {
      return this.audit.deniedAsNotFound(
        context,
        { action: 'provider-gaps.read', resourceType: 'provider', resourceId: npi, memberId: null },
        'provider',
      );
    }
    return this.audit.allowed(context, readsOfPage('provider-gaps.read'), () =>
      this.gaps.list({ ...query, provider: npi, status: 'open' }),
    );
  }
}
