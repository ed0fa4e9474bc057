import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBadRequestResponse, ApiTags } from '@nestjs/swagger';
import { AuditContext, AuditedRead, MemberReadAudit, type ReadContext } from '@care/audit';
import { Access, ACCESS } from '@care/auth';
import { ParseMemberIdPipe } from '@care/observability';
import { MemberSurveyVisitsQuery, type SurveyVisitView } from './member-survey-visits.query';

/** A member's visits and their survey decisions: why a member was or was not surveyed. */
@ApiTags('visits')
@Controller('v1/members')
export class MemberSurveyVisitsController {
  constructor(
    @Inject(MemberSurveyVisitsQuery) private readonly visits: MemberSurveyVisitsQuery,
    @Inject(MemberReadAudit) private readonly audit: MemberReadAudit,
  ) {}

  @Get(':memberId/survey-visits')
  @Access(ACCESS.readMemberData)
  @AuditedRead(
    'Every surveyable visit of the member, newest first: status (pending-member, surveyed, not-sampled, excluded, ' +
      'cancelled), exclusion reasons, the draw and rate it was decided with, and the claims that describe it',
  )
  @ApiBadRequestResponse({ description: 'memberId is not a member id' })
  async memberVisits(
    @Param('memberId', ParseMemberIdPipe) memberId: string,
    @AuditContext() context: ReadContext,
  ): Promise<{ memberId: string; memberKnown: boolean; visits: SurveyVisitView[] }> {
    return this.audit.allowed(
      context,
      [{ action: 'survey-visits.read', resourceType: 'member', resourceId: memberId, memberId }],
      () => this.visits.forMember(memberId),
    );
  }
}
