/** Readiness bounds from the settings; 0 disables a bound. */
export interface ReadinessBounds {
  /** READY_MAX_OUTBOX_BACKLOG: outbox rows waiting. */
  readonly maxOutboxBacklog: number;
  /** READY_MAX_OUTBOX_AGE_SECONDS: age of the oldest waiting outbox row. */
  readonly maxOutboxAgeSeconds: number;
  /** READY_MAX_CONSUMER_LAG: messages behind, per consumer group. */
  readonly maxConsumerLag: number;
}

/** Why the outbox makes the instance unready (empty when within bounds). Numbers only: no PHI. */
export function outboxBoundViolations(
  backlog: { readonly rows: number; readonly oldestAgeSeconds: number },
  bounds: Pick<ReadinessBounds, 'maxOutboxBacklog' | 'maxOutboxAgeSeconds'>,
): string[] {
  const violations: string[] = [];
  if (bounds.maxOutboxBacklog > 0 && backlog.rows > bounds.maxOutboxBacklog)
    violations.push(
      `outbox backlog of ${backlog.rows} rows exceeds READY_MAX_OUTBOX_BACKLOG=${bounds.maxOutboxBacklog}`,
    );
  if (bounds.maxOutboxAgeSeconds > 0 && backlog.oldestAgeSeconds > bounds.maxOutboxAgeSeconds)
    violations.push(
      `oldest outbox row is ${Math.round(backlog.oldestAgeSeconds)} s old, over READY_MAX_OUTBOX_AGE_SECONDS=${bounds.maxOutboxAgeSeconds}`,
    );
  return violations;
}

/** Why consumer lag makes the instance unready (empty when within the bound or the bound is 0). */
export function lagBoundViolations(
  lagByGroup: Readonly<Record<string, number>>,
  maxConsumerLag: number,
): string[] {
  if (maxConsumerLag <= 0) return [];
  return Object.entries(lagByGroup)
    .filter(([, lag]) => lag > maxConsumerLag)
    .map(
      ([group, lag]) =>
        `consumer group ${group} is ${lag} messages behind, over READY_MAX_CONSUMER_LAG=${maxConsumerLag}`,
    );
}

/**
 * The largest lag of any partition per consumer group, from the `care_consumer_lag_messages` samples (the lag
 * each consumer records after a committed batch). Every group in `groups` is present, 0 when it has no sample.
 */
export function maxLagByGroup(
  samples: ReadonlyArray<{
    readonly labels: Partial<Record<string, string | number>>;
    readonly value: number;
  }>,
  groups: readonly string[],
): Record<string, number> {
  const result: Record<string, number> = Object.fromEntries(groups.map((group) => [group, 0]));
  for (const { labels, value } of samples) {
    const group = labels['group'];
    if (typeof group !== 'string' || !(group in result) || !Number.isFinite(value)) continue;
    result[group] = Math.max(result[group] ?? 0, value);
  }
  return result;
}
