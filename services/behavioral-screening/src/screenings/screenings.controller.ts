import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { AuditContext, AuditedRead, MemberReadAudit, type ReadContext } from '@care/audit';
import { Access, ACCESS, type AccessPolicy } from '@care/auth';
import { SCREENING_ID_PATTERN, type ScreeningSource, type ValidationIssue } from '@care/contracts';
import { CLOCK, type Clock } from '@care/observability';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { SubmitScreeningRequest } from './dto/submit-screening.dto';
import { readFhirJsonBody } from './fhir/read-fhir-json-body.util';
import { screeningRepository } from './persistence/screening.repository';
import { ScreeningMetrics } from './screening.metrics';
import type { ScreeningResult } from './screening-result';
import { ScreeningService } from './screening.service';
import { parseCoachSubmission } from './submission/parse-coach-submission';
import { parseFhirSubmission } from './submission/parse-fhir-submission';
import type { IncompleteScreening, SubmissionCheck } from './submission/screening-submission';

/** Who submits screenings: the vendors that administer them, and coaches and advocates on a call. */
const SUBMIT_SCREENINGS: AccessPolicy = {
  roles: ['assessment-vendor', 'coach', 'advocate'],
  scope: 'screenings:write',
  memberData: false,
};

/** The body answered for a submission: the result, and whether it was new (201) or a duplicate (200). */
export type SubmissionResponse = { readonly status: 'accepted' | 'duplicate' } & ScreeningResult;

const INCOMPLETE_DESCRIPTION =
  'A PHQ-9 that cannot be scored (an item missing or out of range) but whose item 9 (thoughts of self-harm) was ' +
  'answered 1-3: stored as incomplete (not scored, in no trend) and `screening-safety-signal` emitted, so casework ' +
  'opens the urgent follow-up as for a scored screening with the safety flag. Fix `issues` and send the same ' +
  'screeningId again to score it';
const HELD_DESCRIPTION =
  'Or `status: held`: the member is not on the roster yet (its record chooses the AUDIT-C cut-off); the screening ' +
  'is kept unscored and scored, with `screening-completed`, when the member arrives; a self-harm answer in it is ' +
  'sent on at once (`urgentFollowUp: requested`)';
const INCOMPLETE_EXAMPLE = {
  status: 'incomplete',
  screeningId: 'SCR-2026-000417',
  memberId: 'M-100234',
  safetySignal: 'risk',
  urgentFollowUp: 'requested',
  receivedAt: '2026-03-02T14:05:00.000Z',
  message:
    'Item 9 (thoughts of self-harm) was answered above 0: the screening is stored as incomplete and an urgent follow-up is requested. It is not scored: fix the issues and send it again with the same screeningId.',
  issues: [{ field: 'answers.4', messages: ['answers.4 is required'] }],
};

/** The body answered (202) for a valid screening of a member not on the roster yet: held, scored on arrival. */
export interface HeldSubmissionResponse {
  readonly status: 'held';
  readonly screeningId: string;
  readonly memberId: string;
  readonly reason: 'member-not-on-roster';
  readonly receivedAt: string;
  readonly safetySignal?: 'risk';
  readonly urgentFollowUp?: 'requested' | 'already-requested';
  readonly message: string;
}

/** The body answered (202) for a PHQ-9 that could not be scored but carried a self-harm answer. */
export interface IncompleteSubmissionResponse {
  readonly status: 'incomplete';
  readonly screeningId: string;
  readonly memberId: string;
  readonly safetySignal: 'risk';
  /** `requested` now, or `already-requested` by an earlier incomplete submission of this screening id. */
  readonly urgentFollowUp: 'requested' | 'already-requested';
  readonly receivedAt: string;
  readonly message: string;
  readonly issues: readonly ValidationIssue[];
}

/**
 * Screenings in: answers given to a coach, or a FHIR R4 QuestionnaireResponse, scored the same way.
 * The screening id makes a submission idempotent. Bodies are checked here rather than by the global pipe, so a
 * 400 names the request fields and every bad item at once.
 */
@ApiTags('screenings')
@Controller('v1/screenings')
export class ScreeningsController {
  constructor(
    @Inject(ScreeningService) private readonly screenings: ScreeningService,
    @Inject(ScreeningMetrics) private readonly metrics: ScreeningMetrics,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MemberReadAudit) private readonly audit: MemberReadAudit,
  ) {}

  @Post()
  @Access(SUBMIT_SCREENINGS)
  @ApiBody({ type: SubmitScreeningRequest })
  @ApiCreatedResponse({
    description: 'Scored and stored; screening-completed emitted (priority urgent for a safety flag)',
  })
  @ApiOkResponse({
    description: 'Duplicate of an earlier identical submission: the stored result, nothing emitted',
  })
  @ApiAcceptedResponse({ description: `${INCOMPLETE_DESCRIPTION}. ${HELD_DESCRIPTION}`, example: INCOMPLETE_EXAMPLE })
  @ApiBadRequestResponse({
    description:
      'Every failing field and item named in `issues` (`answers.<item>`); nothing stored. A PHQ-9 also carries `safetySignal` (item 9 read on its own; `risk` is answered 202 instead whenever screeningId and memberId are valid)',
  })
  @ApiConflictResponse({ description: 'This screening id was already received with different content' })
  async submitAnswers(
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubmissionResponse | IncompleteSubmissionResponse | HeldSubmissionResponse> {
    return this.submit(parseCoachSubmission(body, this.clock.now()), 'coach', response);
  }

  @Post('fhir')
  @Access(SUBMIT_SCREENINGS)
  @ApiConsumes('application/fhir+json', 'application/json')
  @ApiQuery({
    name: 'sex',
    required: false,
    enum: ['female', 'male', 'other', 'unknown'],
    description: 'Selects the AUDIT-C cut-off (a QuestionnaireResponse does not carry it); default unknown',
  })
  @ApiBody({
    description:
      'A FHIR R4 QuestionnaireResponse: status completed, identifier.value (or id) = screening id, subject Patient/<member id>, authored, questionnaire ending in the LOINC panel (or a panel group), items by item LOINC with LOINC answer codings',
    schema: { type: 'object' },
  })
  @ApiCreatedResponse({
    description: 'Scored and stored exactly as the direct API would; screening-completed emitted',
  })
  @ApiOkResponse({ description: 'Duplicate: the stored result, nothing emitted' })
  @ApiAcceptedResponse({ description: `${INCOMPLETE_DESCRIPTION}. ${HELD_DESCRIPTION}`, example: INCOMPLETE_EXAMPLE })
  @ApiBadRequestResponse({
    description:
      'Every failing field and item named in `issues` (`item[<LOINC>]`); nothing stored (a self-harm answer with valid ids is answered 202 instead)',
  })
  @ApiConflictResponse({ description: 'This screening id was already received with different content' })
  async submitQuestionnaireResponse(
    @Req() request: Request,
    @Query('sex') sex: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SubmissionResponse | IncompleteSubmissionResponse | HeldSubmissionResponse> {
    const body = await readFhirJsonBody(request);
    if (!body.ok) {
      this.metrics.countSubmission('fhir', 'invalid');
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: body.reason });
    }
    return this.submit(parseFhirSubmission(body.body, sex, this.clock.now()), 'fhir', response);
  }

  @Get(':screeningId')
  @Access(ACCESS.readMemberData)
  @AuditedRead('The stored result of a screening (as answered to its submitter)')
  @ApiNotFoundResponse({ description: 'No screening with this id' })
  async find(
    @Param('screeningId') screeningId: string,
    @AuditContext() context: ReadContext,
  ): Promise<ScreeningResult> {
    const id = this.checkedId(screeningId);
    const stored = await screeningRepository.find(this.dataSource.manager, id);
    if (stored === undefined) throw this.notFound(screeningId);
    return this.audit.allowed(
      context,
      [{ action: 'screening.read', resourceType: 'screening', resourceId: id, memberId: stored.memberId }],
      () => Promise.resolve(stored.result),
    );
  }

  @Get(':screeningId/fhir')
  @Access(ACCESS.readMemberData)
  @AuditedRead(
    'A FHIR Bundle (collection): the stored QuestionnaireResponse and the derived total-score Observation pointing back to it',
  )
  @ApiNotFoundResponse({ description: 'No screening with this id' })
  async findFhir(
    @Param('screeningId') screeningId: string,
    @AuditContext() context: ReadContext,
  ): Promise<Record<string, unknown>> {
    const id = this.checkedId(screeningId);
    const stored = await screeningRepository.findFhir(this.dataSource.manager, id);
    if (stored === undefined) throw this.notFound(screeningId);
    return this.audit.allowed(
      context,
      [
        {
          action: 'screening.read-fhir',
          resourceType: 'screening',
          resourceId: id,
          memberId: stored.memberId,
        },
      ],
      () =>
        Promise.resolve({
          resourceType: 'Bundle',
          type: 'collection',
          entry: [{ resource: stored.questionnaireResponse }, { resource: stored.observation }],
        }),
    );
  }

  private async submit(
    check: SubmissionCheck,
    channel: ScreeningSource,
    response: Response,
  ): Promise<SubmissionResponse | IncompleteSubmissionResponse | HeldSubmissionResponse> {
    if (!check.ok) {
      if (check.safetySignal === 'risk') this.metrics.countRejectedWithRisk(channel);
      if (check.incomplete !== undefined)
        return this.recordIncomplete(check.incomplete, check.issues, response);
      this.metrics.countSubmission(channel, 'invalid');
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'validation failed',
        issues: check.issues,
        ...(check.safetySignal !== undefined && { safetySignal: check.safetySignal }),
      });
    }
    const outcome = await this.screenings.complete(check.submission);
    if (outcome.status === 'conflict') {
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `screening ${outcome.screeningId} was already received with different content`,
      });
    }
    if (outcome.status === 'held') {
      response.status(HttpStatus.ACCEPTED);
      return {
        status: 'held',
        screeningId: check.submission.screeningId,
        memberId: check.submission.memberId,
        reason: 'member-not-on-roster',
        receivedAt: outcome.receivedAt,
        ...(outcome.urgentFollowUp !== undefined && { safetySignal: 'risk' as const, urgentFollowUp: outcome.urgentFollowUp }),
        message:
          'The member is not on the roster yet: the screening is held, not scored, and is scored when the member ' +
          'arrives.' +
          (outcome.urgentFollowUp === undefined ? '' : ' Item 9 (thoughts of self-harm) was answered above 0: an urgent follow-up is requested now.'),
      };
    }
    response.status(outcome.status === 'accepted' ? HttpStatus.CREATED : HttpStatus.OK);
    return { status: outcome.status, ...outcome.result };
  }

  /**
   * A PHQ-9 that cannot be scored but carries a self-harm answer: never only a 400. It is stored as incomplete and
   * its urgent safety signal sent (casework opens the urgent follow-up), and the answer says so: 202 with the issues
   * to fix before the same screening id can be scored.
   */
  private async recordIncomplete(
    incomplete: IncompleteScreening,
    issues: readonly ValidationIssue[],
    response: Response,
  ): Promise<IncompleteSubmissionResponse> {
    const outcome = await this.screenings.recordIncomplete(incomplete);
    if (outcome.status === 'already-scored') {
      this.metrics.countSubmission(incomplete.source, 'conflict');
      throw new ConflictException({
        statusCode: 409,
        error: 'Conflict',
        message: `screening ${incomplete.screeningId} was already received, complete, with different content`,
        safetySignal: 'risk',
      });
    }
    this.metrics.countSubmission(incomplete.source, 'incomplete');
    response.status(HttpStatus.ACCEPTED);
    return {
      status: 'incomplete',
      screeningId: incomplete.screeningId,
      memberId: incomplete.memberId,
      safetySignal: 'risk',
      urgentFollowUp: outcome.status === 'recorded' ? 'requested' : 'already-requested',
      receivedAt: outcome.receivedAt,
      message:
        'Item 9 (thoughts of self-harm) was answered above 0: the screening is stored as incomplete and an urgent ' +
        'follow-up is requested. It is not scored: fix the issues and send it again with the same screeningId.',
      issues,
    };
  }

  private checkedId(screeningId: string): string {
    if (!SCREENING_ID_PATTERN.test(screeningId)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'validation failed',
        issues: [{ field: 'screeningId', messages: ['screeningId must be 1-64 letters, digits, ., _ or -'] }],
      });
    }
    return screeningId;
  }

  private notFound(screeningId: string): NotFoundException {
    return new NotFoundException({
      statusCode: 404,
      error: 'Not Found',
      message: `no screening ${screeningId}`,
    });
  }
}
