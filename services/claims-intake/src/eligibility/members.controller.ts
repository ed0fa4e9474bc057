import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '@care/auth';
import { MemberRecord } from '@care/contracts';
import type { Response } from 'express';
import { BoundsPerItem } from '@care/observability';
import { applyBatch, readBatchBody, type BatchItemResult } from '../shared/apply-batch.util';
import { MemberBatchRequest } from './dto/member-batch.dto';
import { MemberRosterService } from './member-roster.service';
import type { MemberUpsertOutcome } from './use-cases/upsert-members/upsert-members.use-case';

/** The member roster (eligibility) sent by the health plan's enrollment system. */
@ApiTags('members')
@Controller('v1/members')
export class MembersController {
  constructor(@Inject(MemberRosterService) private readonly roster: MemberRosterService) {}

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
