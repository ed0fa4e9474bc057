import { ValidateBy } from 'class-validator';
import { parseReportingPeriod, REPORTING_PERIOD_MESSAGE } from './reporting-period.util';

/** Query of `GET /v1/providers/{npi}/survey-scores`. */
export class SurveyScoresQuery {
  /** The visit days scored: `2026-Q1`, `2026-03` or `2026-01..2026-06`. */
  @ValidateBy({
    name: 'isReportingPeriod',
    validator: {
      validate: (value: unknown): boolean =>
        typeof value === 'string' && parseReportingPeriod(value) !== undefined,
      defaultMessage: (): string => REPORTING_PERIOD_MESSAGE,
    },
  })
  period!: string;
}
