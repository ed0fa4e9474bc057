import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuditContext, AuditedRead, MemberReadAudit, type ReadContext } from '@care/audit';
import { Access, type AccessPolicy } from '@care/auth';
import { POST_VISIT_SURVEY_TOPICS, type SurveyTopicId } from '@care/clinical';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { SurveyMetrics } from '../../shared/survey.metrics';
import { findVisit } from '../../visits/persistence/visit.repository';
import { SurveyResponseRequest } from '../dto/survey-response.request';
import { findResponse, type StoredResponse } from '../persistence/survey-response.repository';
import { RecordResponseUseCase } from '../use-cases/record-response/record-response.use-case';

/** A response as the API shows it: answers in the survey's topic order. */
export interface SurveyResponseView {
  readonly surveyId: string;
  readonly instrumentVersion: string;
  readonly respondedAt: string;
  readonly receivedAt: string;
  readonly answers: ReadonlyArray<{ readonly topic: SurveyTopicId; readonly value: number }>;
}

export interface SurveyView {
  readonly surveyId: string;
  readonly memberId: string;
  readonly visit: { readonly serviceDate: string; readonly kind: string; readonly procedureCode: string };
  readonly provider: {
    readonly npi: string;
    readonly tin: string;
    readonly name: string | null;
    readonly practiceName: string | null;
  };
  readonly channel: string | null;
  readonly language: string | null;
  readonly triggeredOn: string | null;
  readonly response: SurveyResponseView | null;
}

const TOPIC_ORDER = new Map(POST_VISIT_SURVEY_TOPICS.map((topic, index) => [topic.id, index]));

const viewOf = (response: StoredResponse): SurveyResponseView => ({
  surveyId: response.surveyId,
  instrumentVersion: response.instrumentVersion,
  respondedAt: response.respondedAt,
  receivedAt: response.receivedAt,
  answers: [...response.answers].sort(
    (a, b) => (TOPIC_ORDER.get(a.topic) ?? 0) - (TOPIC_ORDER.get(b.topic) ?? 0),
  ),
});

/** The survey vendors: they read a survey to send it (audited: it names the member) and return the answers. */
const SURVEY_VENDOR = (memberData: boolean): AccessPolicy => ({
  roles: ['assessment-vendor'],
  scope: 'surveys:write',
  memberData,
});

/** Surveys sent, and the responses the survey vendors return. */
@ApiTags('surveys')
@Controller('v1/surveys')
export class SurveysController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RecordResponseUseCase) private readonly recordResponse: RecordResponseUseCase,
    @Inject(SurveyMetrics) private readonly metrics: SurveyMetrics,
    @Inject(MemberReadAudit) private readonly audit: MemberReadAudit,
  ) {}

  @Get(':surveyId')
  @Access(SURVEY_VENDOR(true))
  @AuditedRead('The survey: visit, provider, channel, language, and the response if one arrived')
  @ApiNotFoundResponse({ description: 'No survey with this id' })
  async survey(
    @Param('surveyId', new ParseUUIDPipe()) surveyId: string,
    @AuditContext() context: ReadContext,
  ): Promise<SurveyView> {
    const visit = await findVisit(this.dataSource.manager, surveyId);
    if (visit?.status !== 'surveyed') throw new NotFoundException(`no survey ${surveyId}`);
    const response = await this.audit.allowed(
      context,
      [{ action: 'survey.read', resourceType: 'survey', resourceId: surveyId, memberId: visit.memberId }],
      (manager) => findResponse(manager, surveyId),
    );
    return {
      surveyId,
      memberId: visit.memberId,
      visit: { serviceDate: visit.serviceDate, kind: visit.kind, procedureCode: visit.procedureCode },
      provider: {
        npi: visit.providerNpi,
        tin: visit.providerTin,
        name: visit.providerName,
        practiceName: visit.practiceName,
      },
      channel: visit.channel,
      language: visit.language,
      triggeredOn: visit.decidedOn,
      response: response === undefined ? null : viewOf(response),
    };
  }

  @Post(':surveyId/responses')
  @Access(SURVEY_VENDOR(false))
  @ApiCreatedResponse({ description: 'Response recorded' })
  @ApiOkResponse({ description: 'The same response again: the stored response, nothing changed' })
  @ApiConflictResponse({ description: 'The survey already has a different response; nothing changed' })
  @ApiBadRequestResponse({
    description: 'Every failing field named: unknown topic, value off the topic scale, ...',
  })
  @ApiNotFoundResponse({ description: 'No survey with this id' })
  async respond(
    @Param('surveyId', new ParseUUIDPipe()) surveyId: string,
    @Body() request: SurveyResponseRequest,
    @Res({ passthrough: true }) http: Response,
  ): Promise<SurveyResponseView> {
    const outcome = await this.recordResponse.execute(surveyId, request);
    switch (outcome.result) {
      case 'no-survey':
        throw new NotFoundException(`no survey ${surveyId}`);
      case 'conflict':
        this.metrics.recordResponse('conflict');
        throw new ConflictException(`survey ${surveyId} already has a different response`);
      case 'recorded':
      case 'duplicate':
        this.metrics.recordResponse(outcome.result);
        http.status(outcome.result === 'recorded' ? HttpStatus.CREATED : HttpStatus.OK);
        return viewOf(outcome.response);
    }
  }
}
