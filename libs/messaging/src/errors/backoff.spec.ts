import { backoffDelayMs } from './backoff';

describe('retry backoff', () => {
  const lowest = (): number => 0;
  const highest = (): number => 0.999999999;
  const middle = (): number => 0.5;

  it('waits between half the base and the base on the first attempt', () => {
    expect(backoffDelayMs(1, 200, 30000, lowest)).toBe(100);
    expect(backoffDelayMs(1, 200, 30000, middle)).toBe(150);
    expect(backoffDelayMs(1, 200, 30000, highest)).toBe(200);
  });

  it('doubles the ceiling with every further attempt', () => {
    const ceilings = [1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, 100, 30000, highest));
    expect(ceilings).toEqual([100, 200, 400, 800, 1600]);
    const floors = [1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, 100, 30000, lowest));
    expect(floors).toEqual([50, 100, 200, 400, 800]);
  });

  it('never exceeds the cap, however many attempts failed', () => {
    expect(backoffDelayMs(9, 200, 5000, highest)).toBe(5000);
    expect(backoffDelayMs(9, 200, 5000, lowest)).toBe(2500);
    for (const attempt of [20, 64, 1100, 1_000_000]) {
      const delay = backoffDelayMs(attempt, 200, 15000, highest);
      expect(Number.isFinite(delay)).toBe(true);
      expect(delay).toBe(15000);
    }
  });

  it('treats attempt numbers below one as the first attempt', () => {
    expect(backoffDelayMs(0, 200, 30000, highest)).toBe(200);
    expect(backoffDelayMs(-3, 200, 30000, lowest)).toBe(100);
  });

  it('uses the defaults of 200 ms base and 30 s cap', () => {
    expect(backoffDelayMs(1, undefined, undefined, highest)).toBe(200);
    expect(backoffDelayMs(30, undefined, undefined, highest)).toBe(30000);
  });

  it('spreads delays over the jitter range with the real random source, in whole milliseconds', () => {
    const delays = Array.from({ length: 500 }, () => backoffDelayMs(4, 100, 30000));
    for (const delay of delays) {
      expect(Number.isInteger(delay)).toBe(true);
      expect(delay).toBeGreaterThanOrEqual(400);
      expect(delay).toBeLessThanOrEqual(800);
    }
    // jitter: retries of many consumers that failed together do not fire in lockstep
    expect(new Set(delays).size).toBeGreaterThan(50);
  });
});
