import { IntervalJob } from './interval-job';

describe('IntervalJob', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs on every tick, skips ticks while a run is in progress, and reports failures', async () => {
    let release: () => void = () => undefined;
    const runs: number[] = [];
    const errors: string[] = [];
    const job = new IntervalJob(
      () => {
        runs.push(runs.length + 1);
        if (runs.length === 3) return Promise.reject(new Error('boom'));
        return runs.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
      (message) => errors.push(message),
    );
    job.start(1000);
    await jest.advanceTimersByTimeAsync(1000); // run 1 starts and waits
    await jest.advanceTimersByTimeAsync(3000); // three ticks while run 1 is still going: skipped
    expect(runs).toEqual([1]);
    release();
    await jest.advanceTimersByTimeAsync(1000); // run 2
    await jest.advanceTimersByTimeAsync(1000); // run 3 fails
    expect(runs).toEqual([1, 2, 3]);
    expect(errors).toEqual(['boom']);
    await job.stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(runs).toHaveLength(3);
  });
});
