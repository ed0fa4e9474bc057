import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  measureConsumerLag,
  reportTopics,
  type ConsumerLagReport,
  type TopicReportRow,
} from '@care/messaging';
import { OpsKafka } from './ops-kafka';

/** How often the ops pages' figures are sampled, and how long the sampling goes on after the last ops request. */
export interface OpsSamplingSettings {
  readonly intervalMs: number;
  /** Samples kept (a ring): 1 h at the default 15 s. */
  readonly historyMs: number;
  /** Sampling stops this long after the last ops request. */
  readonly idleMs: number;
}
export const OPS_SAMPLING_SETTINGS = Symbol('OPS_SAMPLING_SETTINGS');

/** One sample: every topic's report (care-ops `topics`) and every group's lag (care-ops `lag`). */
export interface OpsSample {
  readonly at: number;
  readonly topics: readonly TopicReportRow[];
  readonly lag: ConsumerLagReport;
}

/** What the history keeps of a sample: each topic's end offset and each group's total lag. */
export interface OpsHistoryPoint {
  readonly at: number;
  readonly endOffsets: ReadonlyMap<string, number>;
  readonly lagByGroup: ReadonlyMap<string, number>;
}

/**
 * Samples topic end offsets and consumer lag with libs/messaging's `reportTopics` and `measureConsumerLag` (the
 * functions behind `care-ops topics` and `care-ops lag`) while the ops pages are in use: the first ops request
 * starts it, each sample follows `intervalMs` after the last, and it stops `idleMs` after the last ops request.
 * A bounded ring keeps `historyMs` of samples (end offsets and lag per group), from which the pages' rates and the
 * lag chart are computed: a topic's rate is the growth of its end offset between the two latest samples.
 */
@Injectable()
export class OpsSampler implements OnModuleDestroy {
  private readonly logger = new Logger('OpsSampler');
  private readonly history: OpsHistoryPoint[] = [];
  private latestSample: OpsSample | undefined;
  private inFlight: Promise<OpsSample> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastWanted = 0;

  constructor(
    @Inject(OpsKafka) private readonly kafka: OpsKafka,
    @Inject(OPS_SAMPLING_SETTINGS) readonly settings: OpsSamplingSettings,
  ) {}

  /** The latest sample, taken now when there is none or it is older than two intervals. */
  async latest(): Promise<OpsSample> {
    this.lastWanted = Date.now();
    this.keepSampling();
    const latest = this.latestSample;
    if (latest !== undefined && Date.now() - latest.at <= 2 * this.settings.intervalMs) return latest;
    return this.sample();
  }

  /** The samples kept, oldest first, and the one before the latest (for rates). */
  points(): readonly OpsHistoryPoint[] {
    return this.history;
  }

  private keepSampling(): void {
    if (this.timer !== undefined) return;
    const tick = (): void => {
      if (Date.now() - this.lastWanted > this.settings.idleMs) {
        this.timer = undefined;
        return;
      }
      this.sample().then(
        () => undefined,
        (error: unknown) =>
          this.logger.warn(`ops sample failed: ${error instanceof Error ? error.message : 'unknown'}`),
      );
      this.timer = setTimeout(tick, this.settings.intervalMs);
      this.timer.unref();
    };
    this.timer = setTimeout(tick, this.settings.intervalMs);
    this.timer.unref();
  }

  /** One sample at a time: a request that arrives during a sample waits for it. */
  private sample(): Promise<OpsSample> {
    this.inFlight ??= this.take().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async take(): Promise<OpsSample> {
    const [topics, lag] = await this.kafka.use((connection) =>
      // One pass over the end offsets (sampleMs 0): the rate comes from consecutive samples instead.
      Promise.all([reportTopics(connection, { sampleMs: 0 }), measureConsumerLag(connection)]),
    );
    const sample: OpsSample = { at: Date.now(), topics, lag };
    const lagByGroup = new Map<string, number>(lag.groups.map((group) => [group, 0]));
    for (const row of lag.partitions) lagByGroup.set(row.group, (lagByGroup.get(row.group) ?? 0) + row.lag);
    this.history.push({
      at: sample.at,
      endOffsets: new Map(topics.map((row) => [row.topic, row.endOffset])),
      lagByGroup,
    });
    const capacity = Math.max(2, Math.ceil(this.settings.historyMs / this.settings.intervalMs));
    if (this.history.length > capacity) this.history.splice(0, this.history.length - capacity);
    this.latestSample = sample;
    return sample;
  }

  onModuleDestroy(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
