/** One fault of the proof's schedule, at a time measured from the start of the timed load. */
export type Fault =
  | { readonly kind: 'kill'; readonly atMs: number; readonly target: string }
  | { readonly kind: 'broker-outage'; readonly atMs: number; readonly durationMs: number }
  | { readonly kind: 'postgres-restart'; readonly atMs: number }
  | { readonly kind: 'replay'; readonly atMs: number; readonly group: string };

export interface FaultPlanOptions {
  /** How long the timed load is expected to last. */
  readonly loadMs: number;
  readonly seed: number;
  /** SIGKILLs spread at random moments over the load; each names an instance (`care-gaps-2`, `casework`). */
  readonly kills: number;
  /** Instances to kill, e.g. every service process of the stack; the first kills go to `mustKill`. */
  readonly targets: readonly string[];
  /** Instances killed before any random pick (the scaled-out instances the issue names). */
  readonly mustKill?: readonly string[];
  /** 0: no broker outage. */
  readonly brokerOutageMs: number;
  readonly postgresRestart: boolean;
  /** Consumer groups (`<service>.<name>`) reset to the earliest offsets mid-load. */
  readonly replayGroups: readonly string[];
}

/** A small seeded generator (mulberry32): the same seed gives the same schedule. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The fault schedule of one proof run, sorted by time: the broker outage at 30 % of the load, the database restart
 * at 60 %, replays at 45 %, and the kills at seeded random moments between 5 % and 95 % of it (each at least 2 s
 * apart from the previous kill of the same instance, so the supervisor has brought it back).
 */
export function planFaults(options: FaultPlanOptions): Fault[] {
  if (options.kills > 0 && options.targets.length === 0) throw new Error('kills need targets');
  const next = random(options.seed);
  const faults: Fault[] = [];
  const pickTarget = (index: number): string =>
    options.mustKill?.[index] ?? options.targets[Math.floor(next() * options.targets.length)] ?? '';
  const killTimes = Array.from({ length: options.kills }, () =>
    Math.round(options.loadMs * (0.05 + 0.9 * next())),
  ).sort((a, b) => a - b);
  const lastKill = new Map<string, number>();
  killTimes.forEach((atMs, index) => {
    const target = pickTarget(index);
    const after = (lastKill.get(target) ?? -Infinity) + 2000;
    const at = Math.max(atMs, after);
    lastKill.set(target, at);
    faults.push({ kind: 'kill', atMs: at, target });
  });
  if (options.brokerOutageMs > 0) {
    faults.push({
      kind: 'broker-outage',
      atMs: Math.round(options.loadMs * 0.3),
      durationMs: options.brokerOutageMs,
    });
  }
  if (options.postgresRestart)
    faults.push({ kind: 'postgres-restart', atMs: Math.round(options.loadMs * 0.6) });
  for (const group of options.replayGroups) {
    faults.push({ kind: 'replay', atMs: Math.round(options.loadMs * 0.45), group });
  }
  return faults.sort((a, b) => a.atMs - b.atMs);
}

/** A fault as the report shows it. */
export function describeFault(fault: Fault): string {
  switch (fault.kind) {
    case 'kill':
      return `SIGKILL ${fault.target}`;
    case 'broker-outage':
      return `broker stopped for ${Math.round(fault.durationMs / 1000)} s`;
    case 'postgres-restart':
      return 'PostgreSQL restarted';
    case 'replay':
      return `group ${fault.group} reset to the earliest offsets`;
  }
}
