import { readFileSync } from 'node:fs';

/** CPU time and resident memory of one process, read from /proc (Linux). */
export interface ProcessSample {
  /** User plus system CPU seconds since the process started. */
  readonly cpuSeconds: number;
  readonly rssBytes: number;
}

/** Clock ticks per second of /proc/<pid>/stat (`getconf CLK_TCK`: 100 on Linux for x86 and arm). */
const TICKS_PER_SECOND = 100;

/** The process's CPU seconds and RSS now, or undefined once it is gone (a restart gives a new pid). */
export function sampleProcess(pid: number): ProcessSample | undefined {
  try {
    const cpuSeconds = cpuSecondsOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? NaN);
    if (!Number.isFinite(cpuSeconds) || !Number.isFinite(rssKb)) return undefined;
    return { cpuSeconds, rssBytes: rssKb * 1024 };
  } catch {
    return undefined;
  }
}

/** User plus system CPU seconds of a /proc/<pid>/stat line. */
export function cpuSecondsOfStat(stat: string): number {
  // The command name (field 2) may hold spaces and parentheses: the fields after it start past the last ')'.
  // From there the state is field 3, so utime (14) and stime (15) are at indexes 11 and 12.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** The whole machine's busy CPU seconds since boot, all cores summed (/proc/stat: everything but idle and iowait). */
export function machineBusySeconds(stat = readFileSync('/proc/stat', 'utf8')): number {
  const fields = (/^cpu\s+(.*)$/m.exec(stat)?.[1] ?? '').trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already counted in user)
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}
