import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditContext, AuditedRead, MemberReadAudit, type ReadContext } from '@care/audit';
import { Access, ACCESS } from '@care/auth';
import { MemberRecord } from '@care/contracts';
import type { Response } from 'express';
import { BoundsPerItem, ParseMemberIdPipe } from '@care/observability';
import { applyBatch, readBatchBody, type BatchItemResult } from '../shared/apply-batch.util';
import { MemberBatchRequest } from './dto/member-batch.dto';
import { MemberRecordQuery, type MemberRecordView } from './member-record.query';
import { MemberSearchQuery, MemberSearchRequest, type MemberSearchResult } from './member-search.query';
import { MemberRosterService } from './member-roster.service';
import type { MemberUpsertOutcome } from './use-cases/upsert-members/upsert-members.use-case';

/** The member roster (eligibility) sent by the health plan's enrollment system. */
@ApiTags('members')
@Controller('v1/members')
export class MembersController {
  constructor(
    @Inject(MemberRosterService) private readonly roster: MemberRosterService,
    @Inject(MemberRecordQuery) private readonly records: MemberRecordQuery,
    @Inject(MemberReadAudit) private readonly audit: MemberReadAudit,
    @Inject(MemberSearchQuery) private readonly searches: MemberSearchQuery,
  ) {}

  @Get()
  @Access(ACCESS.readMemberData)
  @AuditedRead(
    'Members on the roster by last name (any case) and birth date, narrowed by the start of the first name, at most 20 (`more` when there are others): who a caller says they are. One audit entry for the search (its terms are not kept) and one per member shown',
  )
  @ApiBadRequestResponse({ description: 'Every bad query parameter is named' })
  search(
    @Query() query: MemberSearchRequest,
    @AuditContext() context: ReadContext,
  ): Promise<MemberSearchResult> {
    return this.audit.allowed(
      context,
      (found: MemberSearchResult) => [
        { action: 'member.search', resourceType: 'member-search', resourceId: 'roster', memberId: null },
        ...found.members.map((member) => ({
          action: 'member.found',
          resourceType: 'member',
          resourceId: member.memberId,
          memberId: member.memberId,
        })),
      ],
      (manager) => this.searches.search(manager, query),
    );
  }

  @Get(':memberId')
  @Access(ACCESS.readMemberData)
  @AuditedRead(
    "The member's roster record (demographics, contact preferences, coverage, attributed PCP, opt-outs) and the other members of the subscriber's household (names, relationship, birth date): one audit entry for the member and one per household member shown",
  )
  @ApiNotFoundResponse({ description: 'No member with this id on the roster (the read is still audited)' })
  async get(
    @Param('memberId', ParseMemberIdPipe) memberId: string,
    @AuditContext() context: ReadContext,
  ): Promise<MemberRecordView> {
    const view = await this.audit.allowed(
      context,
      (found: MemberRecordView | undefined) => [
        { action: 'member.read', resourceType: 'member', resourceId: memberId, memberId },
        ...(found?.household ?? []).map((other) => ({
          action: 'member.household',
          resourceType: 'member',
          resourceId: other.memberId,
          memberId: other.memberId,
        })),
      ],
      (manager) => this.records.find(manager, memberId),
    );
    if (view === undefined)
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: 'no such member' });
    return view;
  }

  @Post()
  @Access({ roles: ['claims-system'], scope: 'eligibility:write', memberData: false })
  @ApiBody({ schema: { $ref: '#/components/schemas/MemberRecord' } })
  @ApiOkResponse({
    description: '201 added; 200 updated or unchanged (member-eligibility-changed emitted for real changes)',
  })
  @ApiBadRequestResponse({
    description: 'Every failing field is named in `issues`; nothing stored or emitted',
  })
  async upsert(
    @Body() member: MemberRecord,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MemberUpsertOutcome> {
    const [outcome] = await this.roster.upsert([member]);
    response.status(outcome?.status === 'added' ? HttpStatus.CREATED : HttpStatus.OK);
    return outcome;
  }

  @Post('batch')
  @Access({ roles: ['claims-system'], scope: 'eligibility:write', memberData: false })
  @BoundsPerItem('members')
  @HttpCode(HttpStatus.OK)
  @ApiBody({ type: MemberBatchRequest })
  @ApiOkResponse({
    description: 'One result per item, in order: added, updated, unchanged or invalid (with issues)',
  })
  async upsertBatch(
    @Body() body: unknown,
  ): Promise<{ results: Array<BatchItemResult<MemberUpsertOutcome>> }> {
    const request = readBatchBody(MemberBatchRequest, body);
    return {
      results: await applyBatch(MemberRecord, request.members, (members) => this.roster.upsert(members)),
    };
  }
}
