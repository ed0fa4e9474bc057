import { getHeapSpaceStatistics } from 'node:v8';
import type { EventLoopUtilization } from 'node:perf_hooks';
import {
  collectForLowMemory,
  RESTING_BUSY_SHARE,
  RestingMemoryRelease,
  type MemoryRelease,
} from './resting-memory-release';

/** An event loop whose every sampling window is as busy as the next value of `shares` says. */
function loopBusy(shares: number[]): (previous?: EventLoopUtilization) => EventLoopUtilization {
  let active = 0;
  let elapsed = 0;
  return (previous) => {
    if (previous === undefined) return { idle: elapsed - active, active, utilization: 0 };
    const share = shares.shift() ?? 0;
    active += 1000 * share;
    elapsed += 1000;
    return { idle: 1000 * (1 - share), active: 1000 * share, utilization: share };
  };
}

function restingRelease(idleSeconds: number, shares: number[]) {
  const collected: number[] = [];
  const releases: MemoryRelease[] = [];
  let rss = 300;
  const release = new RestingMemoryRelease({
    idleSeconds,
    sampleMs: 5000,
    utilization: loopBusy(shares),
    collect: () => {
      collected.push(Date.now());
      rss = 120;
      return Promise.resolve();
    },
    rss: () => rss,
    onRelease: (done) => {
      releases.push(done);
      rss = 300;
    },
  });
  return { release, collected, releases };
}

async function sampleTimes(release: RestingMemoryRelease, windows: number): Promise<void> {
  for (let window = 0; window < windows; window += 1) await release.sample();
}

describe('RestingMemoryRelease', () => {
  it('releases once the service has rested for the idle time, and once only while the rest lasts', async () => {
    const { release, collected, releases } = restingRelease(30, [0.6, 0.3, 0.01, 0.01, 0.01, 0.01, 0.01]);
    await sampleTimes(release, 7);
    // Two busy windows, then five quiet ones: 25 s at rest, not yet 30.
    expect(collected).toHaveLength(0);
    await release.sample();
    expect(collected).toHaveLength(1);
    expect(releases[0]).toMatchObject({ rssBeforeBytes: 300, rssAfterBytes: 120 });
    await sampleTimes(release, 20);
    expect(collected).toHaveLength(1);
  });

  it('counts a window busy from the busy share on, and a busy window re-arms it', async () => {
    const shares = [
      ...Array<number>(6).fill(RESTING_BUSY_SHARE - 0.001),
      RESTING_BUSY_SHARE,
      ...Array<number>(5).fill(0),
      RESTING_BUSY_SHARE,
      ...Array<number>(6).fill(0),
    ];
    const { release, collected } = restingRelease(30, shares);
    await sampleTimes(release, 6);
    expect(collected).toHaveLength(1);
    // Busy (the share itself), then 25 s quiet: re-armed but not rested long enough; busy again resets the count.
    await sampleTimes(release, 7);
    expect(collected).toHaveLength(1);
    await sampleTimes(release, 6);
    expect(collected).toHaveLength(2);
  });

  it('never releases with idleSeconds 0, and start does not arm a timer then', async () => {
    const { release, collected } = restingRelease(0, []);
    release.start();
    await release.stop();
    expect(collected).toHaveLength(0);
  });

  it('reports a failed collection and carries on', async () => {
    const errors: string[] = [];
    const release = new RestingMemoryRelease({
      idleSeconds: 5,
      utilization: loopBusy([0, 0.5, 0]),
      collect: () => Promise.reject(new Error('inspector unavailable')),
      onError: (message) => errors.push(message),
    });
    await sampleTimes(release, 3);
    expect(errors).toEqual(['inspector unavailable', 'inspector unavailable']);
  });
});

describe('collectForLowMemory', () => {
  it('frees what is no longer referenced and shrinks the young generation to its minimum', async () => {
    let garbage: Array<{ index: number; text: string }> | undefined = [];
    for (let index = 0; index < 400_000; index += 1) garbage.push({ index, text: `row ${index}` });
    const youngBefore = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    const usedBefore = process.memoryUsage().heapUsed;
    garbage = undefined;
    await collectForLowMemory();
    const youngAfter = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    expect(garbage).toBeUndefined();
    expect(usedBefore - process.memoryUsage().heapUsed).toBeGreaterThan(10 * 1024 * 1024);
    expect(youngAfter?.space_size).toBeLessThanOrEqual(youngBefore?.space_size ?? 0);
    expect(youngAfter?.space_size).toBeLessThanOrEqual(2 * 1024 * 1024);
  });
});
