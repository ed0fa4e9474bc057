import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One line of a profile summary: where a share of the samples was spent (self time). */
export interface ProfileHotspot {
  readonly frame: string;
  readonly share: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly hitCount?: number;
}

/**
 * The frames with the most self time in a V8 `.cpuprofile`, as shares of the busy samples (idle left out) (what `node --cpu-prof` writes), grouped by module:
 * a package under node_modules counts as one frame (`pg`, `kafkajs`), the platform's own code by file and function,
 * and V8's `(garbage collector)`, `(idle)` and `(program)` as themselves.
 */
export function profileHotspots(profile: { nodes: readonly ProfileNode[] }, top: number): ProfileHotspot[] {
  const hits = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const count = node.hitCount ?? 0;
    const frame = frameOf(node.callFrame);
    // Shares of the busy time: waiting for I/O is not where the CPU went.
    if (count === 0 || frame === '(idle)') continue;
    total += count;
    hits.set(frame, (hits.get(frame) ?? 0) + count);
  }
  return [...hits]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([frame, count]) => ({ frame, share: total === 0 ? 0 : count / total }));
}

function frameOf(callFrame: ProfileNode['callFrame']): string {
  const { url, functionName } = callFrame;
  if (url === '')
    return functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`;
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch !== null) return `${packageMatch[1] ?? ''} (package)`;
  if (url.startsWith('node:')) return `${url} (Node.js)`;
  const file = url.replace(/^file:\/\//, '').replace(/^.*?\/dist\//, '');
  return `${file}: ${functionName || 'anonymous'}`;
}

/** Every `.cpuprofile` in `dir` (one per process, written when it exits), summarized. */
export function summarizeProfiles(dir: string, top = 8): Record<string, ProfileHotspot[]> {
  const summaries: Record<string, ProfileHotspot[]> = {};
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: ProfileNode[] };
    summaries[file] = profileHotspots(profile, top);
  }
  return summaries;
}
