import { Session } from 'node:inspector/promises';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/** Share of a sampling window the event loop may be busy while the service still counts as at rest. */
export const RESTING_BUSY_SHARE = 0.05;
/** How often the event loop's utilisation is sampled. */
export const RESTING_SAMPLE_MS = 5000;

/** What one release did, for the log and the metrics (sizes only). */
export interface MemoryRelease {
  readonly rssBeforeBytes: number;
  readonly rssAfterBytes: number;
  readonly seconds: number;
}

export interface RestingMemoryReleaseOptions {
  /** Seconds at rest before the release; 0 never releases. */
  readonly idleSeconds: number;
  readonly sampleMs?: number;
  /** The event loop's utilisation since `previous` (perf_hooks by default; tests pass their own). */
  readonly utilization?: (previous?: EventLoopUtilization) => EventLoopUtilization;
  /** The collection itself (V8's low-memory collection by default). */
  readonly collect?: () => Promise<void>;
  readonly rss?: () => number;
  readonly onRelease?: (release: MemoryRelease) => void;
  readonly onError?: (message: string) => void;
}

/**
 * V8's collection for low memory (the one Chrome runs when a tab goes idle): every generation collected until
 * nothing more is freed, the old generation compacted and the young generation shrunk to its minimum, freed pages
 * given back to the system. Node exposes it only through the inspector protocol, asked here in process (no port is
 * opened). It pauses the event loop for a full collection, so it is asked only at rest.
 */
export async function collectForLowMemory(): Promise<void> {
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.collectGarbage');
  } finally {
    session.disconnect();
  }
}

/**
 * Gives back, once per rest, the memory a service grew while it was busy. V8 keeps the young generation it grew
 * (up to twice `--max-semi-space-size`) and the old generation's free pages after a load; its own memory reducer
 * runs only after a full collection, which an idle service rarely makes, so a service that absorbed a burst at
 * 3 a.m. held 250-360 MB all morning. Sampled every few seconds: a window with the event loop under
 * {@link RESTING_BUSY_SHARE} busy counts towards the rest, a busier one ends it and re-arms the release.
 */
export class RestingMemoryRelease {
  private timer: NodeJS.Timeout | undefined;
  private previous: EventLoopUtilization | undefined;
  private restedMs = 0;
  private armed = true;
  private releasing: Promise<void> | undefined;
  private readonly sampleMs: number;
  private readonly utilization: (previous?: EventLoopUtilization) => EventLoopUtilization;
  private readonly collect: () => Promise<void>;
  private readonly rss: () => number;

  constructor(private readonly options: RestingMemoryReleaseOptions) {
    this.sampleMs = options.sampleMs ?? RESTING_SAMPLE_MS;
    this.utilization = options.utilization ?? ((previous) => performance.eventLoopUtilization(previous));
    this.collect = options.collect ?? collectForLowMemory;
    this.rss = options.rss ?? (() => process.memoryUsage.rss());
  }

  start(): void {
    if (this.options.idleSeconds === 0 || this.timer !== undefined) return;
    this.previous = this.utilization();
    this.timer = setInterval(() => void this.sample(), this.sampleMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await this.releasing;
  }

  /** One sampling window: counts it towards the rest or ends the rest; releases once the rest is long enough. */
  async sample(): Promise<void> {
    const now = this.utilization();
    const window = this.utilization(this.previous ?? now);
    this.previous = now;
    if (this.releasing !== undefined) return;
    if (window.utilization >= RESTING_BUSY_SHARE) {
      this.restedMs = 0;
      this.armed = true;
      return;
    }
    this.restedMs += this.sampleMs;
    if (!this.armed || this.restedMs < this.options.idleSeconds * 1000) return;
    this.armed = false;
    this.releasing = this.release().finally(() => {
      this.releasing = undefined;
      // The collection's own pause is not work: the next window starts after it.
      this.previous = this.utilization();
    });
    await this.releasing;
  }

  private async release(): Promise<void> {
    const rssBeforeBytes = this.rss();
    const started = performance.now();
    try {
      await this.collect();
    } catch (error) {
      this.options.onError?.(error instanceof Error ? error.message : 'unknown error');
      return;
    }
    this.options.onRelease?.({
      rssBeforeBytes,
      rssAfterBytes: this.rss(),
      seconds: (performance.now() - started) / 1000,
    });
  }
}
