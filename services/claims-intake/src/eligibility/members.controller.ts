import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MemberRecord, validateSubmission, type ValidationIssue } from '@care/contracts';
import type { Response } from 'express';
import { MemberBatchRequest } from './dto/member-batch.dto';
import { MemberRosterService } from './member-roster.service';
import type { MemberUpsertOutcome } from './use-cases/upsert-members/upsert-members.use-case';

type BatchItemResult =
  | ({ index: number } & MemberUpsertOutcome)
  | { index: number; status: 'invalid'; issues: readonly ValidationIssue[] };

/** The member roster (eligibility) sent by the health plan's enrollment system. */
@ApiTags('members')
@Controller('v1/members')
export class MembersController {
  constructor(@Inject(MemberRosterService) private readonly roster: MemberRosterService) {}

  @Post()
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
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description: 'One result per item, in order: added, updated, unchanged or invalid (with issues)',
  })
  async upsertBatch(@Body() request: MemberBatchRequest): Promise<{ results: BatchItemResult[] }> {
    const results: BatchItemResult[] = new Array<BatchItemResult>(request.members.length);
    const valid: Array<{ index: number; member: MemberRecord }> = [];
    request.members.forEach((item, index) => {
      const validation = validateSubmission(MemberRecord, item, { forbidUnknownFields: true });
      if (validation.ok) valid.push({ index, member: validation.value });
      else results[index] = { index, status: 'invalid', issues: validation.issues };
    });
    const outcomes = await this.roster.upsert(valid.map((entry) => entry.member));
    outcomes.forEach((outcome, position) => {
      const index = (valid[position] as { index: number }).index;
      results[index] = { index, ...outcome };
    });
    return { results };
  }
}
