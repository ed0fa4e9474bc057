import { Inject, Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import type { VisitRecord } from '../visits/visit.types';

/** Claims classified, visits decided, exclusions and responses, counted once committed (labels carry no ids). */
@Injectable()
export class SurveyMetrics {
  private readonly claims: Counter<'outcome'>;
  private readonly visits: Counter<'status'>;
  private readonly exclusions: Counter<'reason'>;
  private readonly responses: Counter<'result'>;

  constructor(@Inject(Registry) registry: Registry) {
    this.claims = new Counter({
      name: 'care_survey_claims_total',
      help: 'claim-received events by what they meant for surveys: new-visit, same-visit, stale-version, or why no visit',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.visits = new Counter({
      name: 'care_survey_visits_total',
      help: 'Visits by the status they reached: pending-member, surveyed, not-sampled, excluded, cancelled',
      labelNames: ['status'],
      registers: [registry],
    });
    this.exclusions = new Counter({
      name: 'care_survey_exclusions_total',
      help: 'Exclusion reasons of excluded visits (a visit may have several)',
      labelNames: ['reason'],
      registers: [registry],
    });
    this.responses = new Counter({
      name: 'care_survey_responses_total',
      help: 'Survey responses submitted, by result: recorded, duplicate, conflict',
      labelNames: ['result'],
      registers: [registry],
    });
  }

  recordClaims(outcomes: readonly string[]): void {
    for (const outcome of outcomes) this.claims.inc({ outcome });
  }

  recordVisits(visits: ReadonlyArray<Pick<VisitRecord, 'status' | 'reasons'>>): void {
    for (const visit of visits) {
      this.visits.inc({ status: visit.status });
      if (visit.status === 'excluded') for (const reason of visit.reasons) this.exclusions.inc({ reason });
    }
  }

  recordResponse(result: 'recorded' | 'duplicate' | 'conflict'): void {
    this.responses.inc({ result });
  }
}
