import { Inject, Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import type { EvaluationOutcome } from './evaluation/evaluate-members.use-case';

/** Identifications, retractions and evaluations, counted once their transaction committed (labels carry no ids). */
@Injectable()
export class IdentificationMetrics {
  private readonly identified: Counter<'condition' | 'basis' | 'trigger'>;
  private readonly retracted: Counter<'condition' | 'reason'>;
  private readonly evaluations: Counter;

  constructor(@Inject(Registry) registry: Registry) {
    this.identified = new Counter({
      name: 'care_condition_identifications_total',
      help: 'Members newly identified with a chronic condition, by condition, basis and trigger',
      labelNames: ['condition', 'basis', 'trigger'],
      registers: [registry],
    });
    this.retracted = new Counter({
      name: 'care_condition_retractions_total',
      help: 'Identifications retracted, by condition and reason',
      labelNames: ['condition', 'reason'],
      registers: [registry],
    });
    this.evaluations = new Counter({
      name: 'care_condition_evaluations_total',
      help: 'Rule evaluations of one member and one condition',
      registers: [registry],
    });
  }

  record(outcome: EvaluationOutcome): void {
    for (const item of outcome.identified) {
      this.identified.inc({ condition: item.conditionId, basis: item.basis, trigger: item.trigger });
    }
    for (const item of outcome.retracted) this.retracted.inc({ condition: item.conditionId, reason: item.reason });
    this.evaluations.inc(outcome.evaluations);
  }
}
