import { Inject, Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import type { GapEvaluationOutcome } from './evaluation/evaluate-gaps.use-case';

/** Gaps opened and closed and alerts, counted once their transaction committed (labels carry no ids). */
@Injectable()
export class GapMetrics {
  private readonly opened: Counter<'rule'>;
  private readonly closed: Counter<'rule' | 'reason'>;
  private readonly alerts: Counter<'audience' | 'status'>;

  constructor(@Inject(Registry) registry: Registry) {
    this.opened = new Counter({
      name: 'care_gaps_opened_total',
      help: 'Care gaps opened, by rule',
      labelNames: ['rule'],
      registers: [registry],
    });
    this.closed = new Counter({
      name: 'care_gaps_closed_total',
      help: 'Care gaps closed, by rule and reason',
      labelNames: ['rule', 'reason'],
      registers: [registry],
    });
    this.alerts = new Counter({
      name: 'care_gap_alerts_total',
      help: 'Care-gap alerts by audience and status (issued, suppressed)',
      labelNames: ['audience', 'status'],
      registers: [registry],
    });
  }

  record(outcome: GapEvaluationOutcome): void {
    for (const item of outcome.opened) this.opened.inc({ rule: item.ruleId });
    for (const item of outcome.closed) this.closed.inc({ rule: item.ruleId, reason: item.reason });
    for (const item of outcome.alerts) this.alerts.inc({ audience: item.audience, status: item.status });
  }
}
