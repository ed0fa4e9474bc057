import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditContext, MemberReadAudit, type ReadContext } from '@care/audit';
import { Access, ACCESS, CurrentCaller, mayViewProvider, type Caller } from '@care/auth';
import { scoreProviderSurveys, type ProviderSurveyScores } from '@care/clinical';
import { ParseNpiPipe } from '@care/observability';
import { DataSource } from 'typeorm';
import { SURVEY_OPTIONS, type SurveyOptions } from '../../shared/survey-options';
import { tallyProviderSurveys } from '../persistence/provider-surveys.repository';
import { parseReportingPeriod, type ReportingPeriod } from '../reporting-period.util';
import { SurveyScoresQuery } from '../survey-scores.query.dto';

export interface ProviderSurveyScoresView extends ProviderSurveyScores {
  readonly npi: string;
  readonly providerName: string | null;
  readonly practiceName: string | null;
  readonly period: ReportingPeriod;
}

/** Provider scores from survey responses, for practices and their quality meetings. */
@ApiTags('scores')
@Controller('v1/providers')
export class ProviderSurveyScoresController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SURVEY_OPTIONS) private readonly options: SurveyOptions,
    @Inject(MemberReadAudit) private readonly audit: MemberReadAudit,
  ) {}

  @Get(':npi/survey-scores')
  @Access(ACCESS.providerView)
  @ApiNotFoundResponse({
    description: 'A provider asking for an NPI that is not theirs (the refusal is audited)',
  })
  @ApiOkResponse({
    description:
      "Surveys sent for the provider's visits in the period, responses, response rate, per-topic scores (mean, " +
      '0-100 linear score, top-box per cent) and a 1-5 star summary; scores from fewer than SURVEY_MIN_RESPONSES ' +
      'responses are suppressed (null, suppressed: true)',
  })
  @ApiBadRequestResponse({
    description: 'npi is not a valid NPI, or period is not YYYY-Qn, YYYY-MM or YYYY-MM..YYYY-MM',
  })
  async scores(
    @Param('npi', ParseNpiPipe) npi: string,
    @Query() query: SurveyScoresQuery,
    @CurrentCaller() caller: Caller,
    @AuditContext() context: ReadContext,
  ): Promise<ProviderSurveyScoresView> {
    if (!mayViewProvider(caller, npi)) {
      return this.audit.deniedAsNotFound(
        context,
        { action: 'survey-scores.read', resourceType: 'provider', resourceId: npi, memberId: null },
        'provider',
      );
    }
    const period = parseReportingPeriod(query.period) as ReportingPeriod; // validated by the DTO
    const tally = await tallyProviderSurveys(this.dataSource.manager, npi, period.from, period.to);
    return {
      npi,
      providerName: tally.providerName,
      practiceName: tally.practiceName,
      period,
      ...scoreProviderSurveys(tally, this.options.minResponses),
    };
  }
}
