import { Histogram, Registry } from 'prom-client';
import {
  histogramQuantile,
  histogramsSince,
  readHistograms,
  STAGE_HISTOGRAMS,
  stagesOf,
} from './stage-breakdown';

/** A registry shaped like a service's: the three stage histograms, with the service as a default label. */
function serviceRegistry(): {
  registry: Registry;
  age: Histogram<'topic' | 'group'>;
  batch: Histogram<'topic' | 'group'>;
  publish: Histogram<'topic'>;
} {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'care-gaps' });
  const registers = [registry];
  return {
    registry,
    age: new Histogram({
      name: 'care_message_age_seconds',
      help: 'age',
      labelNames: ['topic', 'group'],
      buckets: [0.01, 0.1, 1],
      registers,
    }),
    batch: new Histogram({
      name: 'care_message_batch_duration_seconds',
      help: 'batch',
      labelNames: ['topic', 'group'],
      buckets: [0.01, 0.1, 1],
      registers,
    }),
    publish: new Histogram({
      name: 'care_outbox_publish_delay_seconds',
      help: 'publish',
      labelNames: ['topic'],
      buckets: [0.01, 0.1, 1],
      registers,
    }),
  };
}

describe('stage breakdown from Prometheus histograms', () => {
  it("reads what prom-client exposes and keeps only the load's observations", async () => {
    const { registry, age, batch, publish } = serviceRegistry();
    const labels = { topic: 'claim-received', group: 'care-gaps.gap-inputs' };
    age.observe(labels, 5); // before the load: must not count
    const before = readHistograms(await registry.metrics(), STAGE_HISTOGRAMS);
    for (const seconds of [0.005, 0.05, 0.05, 0.5]) age.observe(labels, seconds);
    batch.observe(labels, 0.02);
    batch.observe(labels, 0.04);
    publish.observe({ topic: 'care-gap-detected' }, 0.2);
    const after = readHistograms(await registry.metrics(), STAGE_HISTOGRAMS);

    const stages = stagesOf('care-gaps', histogramsSince(after, before));
    expect(stages).toHaveLength(2);
    const [consumed, published] = stages;
    expect(consumed).toMatchObject({
      service: 'care-gaps',
      stage: 'consumes claim-received (care-gaps.gap-inputs)',
      events: 4,
      batches: 2,
    });
    expect(consumed?.meanMs).toBeCloseTo(151.25, 6); // (5 + 50 + 50 + 500) / 4 ms
    expect(consumed?.meanBatchMs).toBeCloseTo(30, 6);
    // 4 observations: 1 up to 10 ms, 3 up to 100 ms, 4 up to 1 s; the 95th is 3.8 of 4, 80 % into (0.1, 1].
    expect(consumed?.p95Ms).toBeCloseTo(820, 6);
    expect(published).toMatchObject({ stage: 'publishes care-gap-detected', events: 1 });
    expect(published?.meanMs).toBeCloseTo(200, 6);
  });

  it('estimates quantiles as histogram_quantile does, and answers nothing without observations', () => {
    const series = {
      buckets: [
        [0.1, 50],
        [1, 100],
        [Number.POSITIVE_INFINITY, 100],
      ] as const,
      sum: 30,
      count: 100,
    };
    expect(histogramQuantile(series, 0.5)).toBeCloseTo(0.1, 10);
    expect(histogramQuantile(series, 0.25)).toBeCloseTo(0.05, 10);
    expect(histogramQuantile(series, 0.75)).toBeCloseTo(0.55, 10);
    const overflowing = {
      ...series,
      buckets: [
        [0.1, 0],
        [1, 0],
        [Number.POSITIVE_INFINITY, 10],
      ] as const,
    };
    expect(histogramQuantile(overflowing, 0.5)).toBe(1);
    expect(histogramQuantile({ buckets: [], sum: 0, count: 0 }, 0.95)).toBeUndefined();
  });
});
