import type { ChildProcess } from 'node:child_process';

/** How a supervised service is watched and brought back. */
export interface SupervisionPolicy {
  /** First restart delay; doubled per restart in a row, up to `maxBackoffMs`. */
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
  /** How often `/health/live` is asked. */
  readonly livenessIntervalMs: number;
  /** Answers of 503 (or no answer within the interval) in a row that make the supervisor kill the process. */
  readonly livenessFailures: number;
}

export const DEFAULT_SUPERVISION: SupervisionPolicy = {
  initialBackoffMs: 1000,
  maxBackoffMs: 30_000,
  livenessIntervalMs: 5000,
  livenessFailures: 3,
};

/** The delay before the `restartsInARow`-th restart (0-based): 1 s, 2 s, 4 s ... up to the maximum. */
export function restartDelayMs(
  restartsInARow: number,
  policy: SupervisionPolicy = DEFAULT_SUPERVISION,
): number {
  return Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** Math.min(restartsInARow, 16));
}

/**
 * One service of the local stack under supervision, as a container orchestrator would keep it (the compose file's
 * restart policy): a process that exits without being asked is started again after a backoff, and a process whose
 * `/health/live` keeps answering 503 (a consumer down for good) or nothing at all is killed and started again. A
 * process still starting (connection refused) is left to start.
 */
export class SupervisedService {
  private child: ChildProcess;
  private stopping = false;
  private restartsInARow = 0;
  private restartCount = 0;
  private paused = false;
  private liveFailures = 0;
  private liveOk = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private readonly livenessTimer: NodeJS.Timeout;

  constructor(
    readonly name: string,
    private readonly url: string,
    private readonly spawnChild: () => ChildProcess,
    private readonly log: (line: string) => void,
    private readonly stopChild: (child: ChildProcess) => Promise<void>,
    private readonly policy: SupervisionPolicy = DEFAULT_SUPERVISION,
  ) {
    this.child = this.launch();
    this.livenessTimer = setInterval(() => void this.checkLiveness(), policy.livenessIntervalMs);
    this.livenessTimer.unref();
  }

  /** The current process (it changes with each restart). */
  get process(): ChildProcess {
    return this.child;
  }

  /** How many times the supervisor started the service again. */
  get restarts(): number {
    return this.restartCount;
  }

  /** Kills the current process as a crash would (SIGKILL, no shutdown); the supervisor brings it back. */
  crash(): void {
    this.child.kill('SIGKILL');
  }

  /**
   * Stops the service gracefully (it leaves its consumer groups), runs `meanwhile` while it is down, and starts it
   * again: how an operator resets a group's offsets, which Kafka allows only on a group without members.
   */
  async pauseWhile(meanwhile: () => Promise<void>): Promise<void> {
    this.paused = true;
    try {
      await this.stopChild(this.child);
      await meanwhile();
    } finally {
      this.paused = false;
      if (!this.stopping) this.child = this.launch();
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.livenessTimer);
    clearTimeout(this.restartTimer);
    await this.stopChild(this.child);
  }

  private launch(): ChildProcess {
    const child = this.spawnChild();
    child.once('exit', (code, signal) => {
      if (this.stopping || this.paused || child !== this.child) return;
      const delay = restartDelayMs(this.restartsInARow, this.policy);
      this.restartsInARow += 1;
      this.log(`${this.name} exited (${signal ?? `code ${String(code)}`}); restarting in ${delay} ms`);
      this.restartTimer = setTimeout(() => {
        if (this.stopping) return;
        this.liveFailures = 0;
        this.liveOk = 0;
        this.child = this.launch();
        this.restartCount += 1;
        this.log(`${this.name} restarted (pid ${String(this.child.pid)})`);
      }, delay);
    });
    return child;
  }

  private async checkLiveness(): Promise<void> {
    if (this.stopping || this.paused || this.child.exitCode !== null || this.child.signalCode !== null)
      return;
    let failed: boolean;
    try {
      const response = await fetch(`${this.url}/health/live`, {
        signal: AbortSignal.timeout(this.policy.livenessIntervalMs),
      });
      await response.arrayBuffer();
      failed = !response.ok;
    } catch (error) {
      // Not listening (yet, or any more: the exit handler restarts it) is not a liveness failure; no answer is.
      failed = !(
        error instanceof TypeError && String((error as { cause?: unknown }).cause).includes('ECONNREFUSED')
      );
    }
    if (!failed) {
      this.liveFailures = 0;
      this.liveOk += 1;
      // Healthy for a while: the next crash starts the backoff from the beginning again.
      if (this.liveOk >= 3) this.restartsInARow = 0;
      return;
    }
    this.liveOk = 0;
    this.liveFailures += 1;
    if (this.liveFailures >= this.policy.livenessFailures) {
      this.log(`${this.name} failed its liveness check ${this.liveFailures} times; killing it to restart it`);
      this.liveFailures = 0;
      this.child.kill('SIGKILL');
    }
  }
}
