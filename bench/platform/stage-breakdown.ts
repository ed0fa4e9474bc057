/**
 * Where a load's time went, hop by hop, from the services' own Prometheus histograms: each consuming stage's
 * `care_message_age_seconds` (a consumed event's broker timestamp to the commit of its effect) and
 * `care_message_batch_duration_seconds` (one fetched batch decoded, applied and committed), and each service's
 * `care_outbox_publish_delay_seconds` (the transaction that staged an event to the broker's acknowledgement).
 * Scraped before and after a load; the difference is the load's.
 */

/** One histogram series: cumulative bucket counts by upper bound (ascending, +Inf last), sum and count. */
export interface HistogramSeries {
  readonly buckets: ReadonlyArray<readonly [number, number]>;
  readonly sum: number;
  readonly count: number;
}

/** Histograms of one exposition, by `name` and then by their labels (sorted, `service` left out). */
export type Histograms = ReadonlyMap<string, ReadonlyMap<string, HistogramSeries>>;

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)_(bucket|sum|count)(?:\{([^}]*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * The histograms named `names` in a Prometheus text exposition (prom-client's `/metrics`). Only the three sample
 * forms a histogram has are read: `<name>_bucket{...,le="x"}`, `<name>_sum{...}` and `<name>_count{...}`.
 */
export function readHistograms(text: string, names: readonly string[]): Histograms {
  const wanted = new Set(names);
  type Building = { buckets: Array<[number, number]>; sum: number; count: number };
  const building = new Map<string, Map<string, Building>>();
  for (const line of text.split('\n')) {
    const match = SAMPLE.exec(line);
    if (match === null) continue;
    const [, name = '', part = '', labelText = '', valueText = ''] = match;
    if (!wanted.has(name)) continue;
    const labels: Array<[string, string]> = [];
    let le: string | undefined;
    for (const [, label = '', value = ''] of labelText.matchAll(LABEL)) {
      if (label === 'le') le = value;
      else if (label !== 'service') labels.push([label, value]);
    }
    const key = labels
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, value]) => `${label}=${value}`)
      .join(',');
    const series = building.get(name) ?? new Map<string, Building>();
    building.set(name, series);
    const entry: Building = series.get(key) ?? { buckets: [], sum: 0, count: 0 };
    series.set(key, entry);
    const value = Number(valueText);
    if (part === 'bucket' && le !== undefined)
      entry.buckets.push([le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le), value]);
    else if (part === 'sum') entry.sum = value;
    else if (part === 'count') entry.count = value;
  }
  for (const series of building.values())
    for (const entry of series.values()) entry.buckets.sort(([a], [b]) => a - b);
  return building;
}

/** `after` less `before`, series by series (a series missing before counts from zero). */
export function histogramsSince(after: Histograms, before: Histograms): Histograms {
  const result = new Map<string, Map<string, HistogramSeries>>();
  for (const [name, series] of after) {
    const delta = new Map<string, HistogramSeries>();
    for (const [key, now] of series) {
      const then = before.get(name)?.get(key);
      const earlier = new Map(then?.buckets ?? []);
      delta.set(key, {
        buckets: now.buckets.map(([bound, count]) => [bound, count - (earlier.get(bound) ?? 0)] as const),
        sum: now.sum - (then?.sum ?? 0),
        count: now.count - (then?.count ?? 0),
      });
    }
    result.set(name, delta);
  }
  return result;
}

/**
 * The q-quantile of a histogram as Prometheus' histogram_quantile estimates it: linear within the bucket that holds
 * it, the highest finite bound when it falls in +Inf. Undefined without observations.
 */
export function histogramQuantile(series: HistogramSeries, q: number): number | undefined {
  const total = series.buckets[series.buckets.length - 1]?.[1] ?? 0;
  if (total <= 0) return undefined;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const [bound, count] of series.buckets) {
    if (count >= rank) {
      if (!Number.isFinite(bound)) return lowerBound;
      const inBucket = count - lowerCount;
      return inBucket <= 0 ? bound : lowerBound + ((bound - lowerBound) * (rank - lowerCount)) / inBucket;
    }
    lowerBound = bound;
    lowerCount = count;
  }
  return lowerBound;
}

/** One stage of the pipeline during a load. */
export interface Stage {
  readonly service: string;
  /** `consumes <topic> (<group>)` or `publishes <topic>`. */
  readonly stage: string;
  readonly events: number;
  /** Milliseconds per event: mean (exact) and p95 (estimated from the buckets). */
  readonly meanMs: number;
  readonly p95Ms: number | undefined;
  /** Consuming stages: batches handled and their mean duration in milliseconds. */
  readonly batches?: number;
  readonly meanBatchMs?: number;
}

export const STAGE_HISTOGRAMS = [
  'care_message_age_seconds',
  'care_message_batch_duration_seconds',
  'care_outbox_publish_delay_seconds',
] as const;

/** The stages of one service from its histograms' difference over a load (series without events left out). */
export function stagesOf(service: string, delta: Histograms): Stage[] {
  const stages: Stage[] = [];
  const labelsOf = (key: string): Map<string, string> =>
    new Map(key.split(',').map((pair) => pair.split('=') as [string, string]));
  for (const [key, age] of delta.get('care_message_age_seconds') ?? []) {
    if (age.count <= 0) continue;
    const labels = labelsOf(key);
    const batch = delta.get('care_message_batch_duration_seconds')?.get(key);
    const p95 = histogramQuantile(age, 0.95);
    stages.push({
      service,
      stage: `consumes ${labels.get('topic') ?? '?'} (${labels.get('group') ?? '?'})`,
      events: age.count,
      meanMs: (age.sum / age.count) * 1000,
      p95Ms: p95 === undefined ? undefined : p95 * 1000,
      ...(batch === undefined || batch.count <= 0
        ? {}
        : { batches: batch.count, meanBatchMs: (batch.sum / batch.count) * 1000 }),
    });
  }
  for (const [key, delay] of delta.get('care_outbox_publish_delay_seconds') ?? []) {
    if (delay.count <= 0) continue;
    const p95 = histogramQuantile(delay, 0.95);
    stages.push({
      service,
      stage: `publishes ${labelsOf(key).get('topic') ?? '?'}`,
      events: delay.count,
      meanMs: (delay.sum / delay.count) * 1000,
      p95Ms: p95 === undefined ? undefined : p95 * 1000,
    });
  }
  return stages;
}
