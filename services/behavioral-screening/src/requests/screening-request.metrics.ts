import { Inject, Injectable } from '@nestjs/common';
import type { ScreeningInstrument, ScreeningRequestReason } from '@care/contracts';
import { Counter, Registry } from 'prom-client';

/** Screening requests emitted and suppressed, counted once their transaction committed (labels carry no ids). */
@Injectable()
export class ScreeningRequestMetrics {
  private readonly requested: Counter<'instrument' | 'reason'>;
  private readonly suppressed: Counter<'instrument' | 'cause'>;

  constructor(@Inject(Registry) registry: Registry) {
    this.requested = new Counter({
      name: 'care_screening_requests_total',
      help: 'screening-requested events emitted, by instrument and reason (case-opened, program-enrolled, follow-up, positive-pre-screen)',
      labelNames: ['instrument', 'reason'],
      registers: [registry],
    });
    this.suppressed = new Counter({
      name: 'care_screening_requests_suppressed_total',
      help: 'Screenings not requested for a case or an enrollment, by instrument and cause (recently-screened, already-requested)',
      labelNames: ['instrument', 'cause'],
      registers: [registry],
    });
  }

  countRequested(instrument: ScreeningInstrument, reason: ScreeningRequestReason): void {
    this.requested.inc({ instrument, reason });
  }

  countSuppressed(instrument: ScreeningInstrument, cause: 'recently-screened' | 'already-requested'): void {
    this.suppressed.inc({ instrument, cause });
  }
}
