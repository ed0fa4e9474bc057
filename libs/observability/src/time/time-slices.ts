import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Cuts a long synchronous loop (validating a large batch, decoding a fetched batch of large messages) into slices
 * of at most `sliceMs` of work, giving the event loop a turn in between, so health checks, heartbeats and other
 * requests are answered while it runs. Call `maybeYield()` between items.
 */
export class TimeSlices {
  private sliceStart = Date.now();

  constructor(private readonly sliceMs = 10) {}

  async maybeYield(): Promise<void> {
    if (Date.now() - this.sliceStart < this.sliceMs) return;
    await nextTurn();
    this.sliceStart = Date.now();
  }
}
