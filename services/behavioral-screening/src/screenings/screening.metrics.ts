import { Inject, Injectable } from '@nestjs/common';
import type { ScreeningSource } from '@care/contracts';
import { Counter, Registry } from 'prom-client';
import type { ScreeningResult } from './screening-result';

/** Outcome of a submission for the submissions counter. */
export type SubmissionOutcome = 'accepted' | 'duplicate' | 'conflict' | 'invalid' | 'incomplete' | 'held';

/**
 * Screening metrics, counted once the transaction committed. Labels are instruments, results and channels only:
 * never member or screening ids.
 */
@Injectable()
export class ScreeningMetrics {
  private readonly completed: Counter<'instrument' | 'positive' | 'priority' | 'source'>;
  private readonly submissions: Counter<'channel' | 'outcome'>;
  private readonly rejectedWithRisk: Counter<'channel'>;
  private readonly safetySignals: Counter<'channel'>;

  constructor(@Inject(Registry) registry: Registry) {
    this.completed = new Counter({
      name: 'care_screenings_completed_total',
      help: 'Screenings scored and stored (screening-completed emitted), by instrument, positive (true/false), priority (urgent, high, routine) and source (coach, fhir)',
      labelNames: ['instrument', 'positive', 'priority', 'source'],
      registers: [registry],
    });
    this.submissions = new Counter({
      name: 'care_screening_submissions_total',
      help: 'Screening submissions over HTTP, by channel (coach, fhir) and outcome (accepted, duplicate, conflict, invalid, incomplete: a PHQ-9 with a self-harm answer stored unscored, held: a member not on the roster yet)',
      labelNames: ['channel', 'outcome'],
      registers: [registry],
    });
    this.rejectedWithRisk = new Counter({
      name: 'care_screening_rejected_with_safety_risk_total',
      help: 'Rejected PHQ-9 submissions whose item 9 was answered above 0 (stored as incomplete and signalled when the screening and member ids are valid)',
      labelNames: ['channel'],
      registers: [registry],
    });
    this.safetySignals = new Counter({
      name: 'care_screening_safety_signals_total',
      help: 'PHQ-9s with a self-harm answer not scored now (incomplete, or the member not on the roster yet) sent on as screening-safety-signal, by channel',
      labelNames: ['channel'],
      registers: [registry],
    });
  }

  countCompleted(result: ScreeningResult): void {
    this.completed.inc({
      instrument: result.instrument,
      positive: String(result.positive),
      priority: result.priority,
      source: result.source,
    });
  }

  countSubmission(channel: ScreeningSource, outcome: SubmissionOutcome): void {
    this.submissions.inc({ channel, outcome });
  }

  countRejectedWithRisk(channel: ScreeningSource): void {
    this.rejectedWithRisk.inc({ channel });
  }

  countSafetySignal(channel: ScreeningSource): void {
    this.safetySignals.inc({ channel });
  }
}
