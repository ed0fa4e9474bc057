/**
 * A background job run every `intervalMs` by one timer that does not keep the process alive. A run never overlaps
 * the previous one (a tick while it runs is skipped); a failure is reported and the next tick tries again; `stop`
 * waits for a run in progress, so shutdown never cuts a transaction off.
 */
export class IntervalJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly run: () => Promise<unknown>,
    /** Receives the failure message (no PHI: jobs report ids and counts only). */
    private readonly onError: (message: string) => void,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      if (this.running !== undefined) return;
      this.running = this.run()
        .then(() => undefined)
        .catch((error: unknown) => this.onError(error instanceof Error ? error.message : 'unknown error'))
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    await this.running;
  }
}
