import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { MemberReadAudit, AuditContext, AuditedRead, type ReadContext } from '@care/audit';
import { Access, ACCESS } from '@care/auth';
import { ParseMemberIdPipe } from '@care/observability';
import type { Response } from 'express';
import {
  DailyReevaluationService,
  type ReevaluationSummary,
} from '../reevaluation/daily-reevaluation.service';
import { IdentificationRerunsService, type RerunStatus } from '../reruns/identification-reruns.service';
import { EvaluateMembersUseCase, type RuleCatalog } from '../evaluation/evaluate-members.use-case';
import { MemberConditionsQuery, type MemberConditionsView } from './member-conditions.query';
import { RerunRequest } from './rerun-request.dto';

/** What a re-run for one member did, as operations see it: counts, no condition named. */
export interface MemberRerunCounts {
  readonly memberId: string;
  readonly identified: number;
  readonly retracted: number;
}

/** Members' conditions with their evidence (every read audited), and the rule catalog. */
@ApiTags('conditions')
@Controller('v1')
export class ConditionsController {
  constructor(
    @Inject(MemberConditionsQuery) private readonly conditions: MemberConditionsQuery,
    @Inject(EvaluateMembersUseCase) private readonly evaluate: EvaluateMembersUseCase,
    @Inject(MemberReadAudit) private readonly audit: MemberReadAudit,
  ) {}

  @Get('members/:memberId/conditions')
  @Access(ACCESS.readMemberData)
  @AuditedRead(
    'Every condition the member has evidence for or was ever identified with: stored status, the active ' +
      "identification (rule id and version, first-met date, evidence claims and dates), today's evaluation, and " +
      'the identification history including retractions',
  )
  @ApiBadRequestResponse({ description: 'memberId is not a member id' })
  async memberConditions(
    @Param('memberId', ParseMemberIdPipe) memberId: string,
    @AuditContext() context: ReadContext,
  ): Promise<MemberConditionsView> {
    return this.audit.allowed(
      context,
      [{ action: 'conditions.read', resourceType: 'member', resourceId: memberId, memberId }],
      () => this.conditions.forMember(memberId),
    );
  }

  @Get('condition-rules')
  @Access(ACCESS.readReference)
  @ApiOkResponse({
    description:
      'The rule catalog: its version, the code set release it decides with, and every rule with its version and criteria (code lists as the release sets them)',
  })
  ruleCatalog(): { catalogVersion: string; codeSetRelease: string; rules: RuleCatalog['rules'] } {
    return {
      catalogVersion: this.evaluate.catalog.version,
      codeSetRelease: this.evaluate.codeSets.id,
      rules: this.evaluate.catalog.rules,
    };
  }
}

/** Re-runs after a rule change, and the daily re-evaluation on demand (operations). */
@ApiTags('identification')
@Controller('v1/identification')
export class IdentificationOperationsController {
  constructor(
    @Inject(IdentificationRerunsService) private readonly reruns: IdentificationRerunsService,
    @Inject(DailyReevaluationService) private readonly reevaluation: DailyReevaluationService,
  ) {}

  @Post('reruns')
  @Access(ACCESS.operate)
  @ApiOkResponse({
    description:
      'With memberId: re-run done; how many identifications and retractions it emitted (counts only: operations ' +
      'see no diagnoses; the events carry them)',
  })
  @ApiAcceptedResponse({ description: 'Without memberId: a re-run for everyone started; poll its status' })
  @ApiBadRequestResponse({ description: 'memberId is not a member id' })
  async rerun(
    @Body() request: RerunRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MemberRerunCounts | RerunStatus> {
    if (request.memberId !== undefined) {
      response.status(HttpStatus.OK);
      const result = await this.reruns.rerunMember(request.memberId);
      return {
        memberId: result.memberId,
        identified: result.identified.length,
        retracted: result.retracted.length,
      };
    }
    response.status(HttpStatus.ACCEPTED);
    return this.reruns.startRerun('requested over HTTP');
  }

  @Get('reruns/:rerunId')
  @Access(ACCESS.operate)
  @ApiOkResponse({ description: 'Progress of a re-run for everyone' })
  async rerunStatus(@Param('rerunId', new ParseUUIDPipe()) rerunId: string): Promise<RerunStatus> {
    const status = await this.reruns.status(rerunId);
    if (status === undefined) throw new NotFoundException(`no re-run ${rerunId}`);
    return status;
  }

  @Post('reevaluations')
  @Access(ACCESS.operate)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    description: 'Ran the daily re-evaluation now (members whose evidence aged out), with counts',
  })
  async reevaluate(): Promise<ReevaluationSummary> {
    return this.reevaluation.runDue();
  }
}
