import { Inject, Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';

/** Follow-up PHQ-9s scheduled, cancelled by a newer PHQ-9, and requested when due (labels carry no ids). */
@Injectable()
export class FollowUpMetrics {
  private readonly followUps: Counter<'event'>;

  constructor(@Inject(Registry) registry: Registry) {
    this.followUps = new Counter({
      name: 'care_screening_follow_ups_total',
      help: 'Follow-up PHQ-9s by event: scheduled (positive PHQ-9), cancelled (a newer PHQ-9 came first), requested (due)',
      labelNames: ['event'],
      registers: [registry],
    });
  }

  count(event: 'scheduled' | 'cancelled' | 'requested', amount = 1): void {
    if (amount > 0) this.followUps.inc({ event }, amount);
  }
}
