import { Inject, Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';

/** Cases opened (by category and queue) and intakes refused (by reason code); labels carry no ids. */
@Injectable()
export class CaseMetrics {
  private readonly opened: Counter<'category' | 'queue'>;
  private readonly refused: Counter<'code'>;

  constructor(@Inject(Registry) registry: Registry) {
    this.opened = new Counter({
      name: 'casework_cases_opened_total',
      help: 'Advocacy cases opened, by category and the queue routing chose',
      labelNames: ['category', 'queue'],
      registers: [registry],
    });
    this.refused = new Counter({
      name: 'casework_case_intakes_refused_total',
      help: 'Case intakes refused, by reason code',
      labelNames: ['code'],
      registers: [registry],
    });
  }

  countOpened(category: string, queue: string): void {
    this.opened.inc({ category, queue });
  }

  countRefused(code: string): void {
    this.refused.inc({ code });
  }
}
