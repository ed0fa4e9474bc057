import { cpuSecondsOfStat, machineBusySeconds, sampleProcess } from './process-sampler';

describe('process sampler', () => {
  it('reads utime and stime past a command name holding spaces and parentheses', () => {
    const stat =
      '4242 (node (worker) x) S 1 4242 4242 0 -1 4194304 100 0 0 0 250 50 0 0 20 0 11 0 100 1000 2000';
    expect(cpuSecondsOfStat(stat)).toBe(3);
  });

  it('samples this process and answers nothing for a pid that does not exist', () => {
    const own = sampleProcess(process.pid);
    expect(own?.rssBytes).toBeGreaterThan(1024 * 1024);
    expect(own?.cpuSeconds).toBeGreaterThan(0);
    expect(sampleProcess(2 ** 22 + 12345)).toBeUndefined();
  });

  it('counts the machine busy in user, nice, system, irq, softirq and steal time, not idle or iowait', () => {
    const stat = 'cpu  1000 20 300 9000 400 5 6 7 0 0\ncpu0 500 10 150 4500 200 2 3 3 0 0\nintr 1\n';
    expect(machineBusySeconds(stat)).toBeCloseTo(13.38, 10);
  });
});
