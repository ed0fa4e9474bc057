import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiTags } from '@nestjs/swagger';
import { AuditContext, AuditedRead, MemberReadAudit, type ReadContext } from '@care/audit';
import { Access, ACCESS } from '@care/auth';
import { ParseMemberIdPipe } from '@care/observability';
import {
  MemberScreeningHistoryService,
  type MemberScreeningHistory,
} from './history/member-screening-history.service';

/** A member's screenings for coaches: history, trend per instrument, open requests, scheduled follow-ups. */
@ApiTags('screenings')
@Controller('v1/members')
export class MemberScreeningsController {
  constructor(
    @Inject(MemberScreeningHistoryService) private readonly history: MemberScreeningHistoryService,
    @Inject(MemberReadAudit) private readonly audit: MemberReadAudit,
  ) {}

  @Get(':memberId/screenings')
  @Access(ACCESS.readMemberData)
  @AuditedRead(
    'Screenings newest first; per instrument the series oldest first, change since the previous and the first result, direction (lower is better) and for PHQ-9 significant change, response and remission; open requests; scheduled follow-ups. Empty lists for a member without screenings',
  )
  @ApiBadRequestResponse({ description: 'Not a member id' })
  async screeningsOf(
    @Param('memberId', ParseMemberIdPipe) memberId: string,
    @AuditContext() context: ReadContext,
  ): Promise<MemberScreeningHistory> {
    return this.audit.allowed(
      context,
      [{ action: 'screenings.read', resourceType: 'member', resourceId: memberId, memberId }],
      () => this.history.historyOf(memberId),
    );
  }
}
