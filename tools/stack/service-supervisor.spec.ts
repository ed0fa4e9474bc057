import { DEFAULT_SUPERVISION, restartDelayMs } from './service-supervisor';

describe('the restart backoff of the local stack', () => {
  it('doubles from 1 s up to 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((restarts) => restartDelayMs(restarts))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  it('follows the policy it is given', () => {
    expect(restartDelayMs(2, { ...DEFAULT_SUPERVISION, initialBackoffMs: 100, maxBackoffMs: 250 })).toBe(250);
  });
});
