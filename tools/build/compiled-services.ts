import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The compiled entry point of `services/<name>/src/main.ts` (`npm run build`, tools/build/build.mjs): dist/ mirrors
 * the repository tree.
 */
export function compiledServiceMain(root: string, name: string): string {
  return join(root, 'dist', 'services', name, 'src', 'main.js');
}

let built = false;

/**
 * Brings dist/ up to date before a compiled service is started (a no-op check of about 0.3 s when nothing
 * changed; a few seconds after an edit), once per process: the local stack and the benchmarks run what the
 * container image runs, whoever starts them (`npm start`, `npm run stack`, a test spawning the stack).
 * Concurrent callers are serialised by the build's lock. Throws with tsc's output when the build fails.
 */
export function ensureServicesBuilt(root: string): void {
  if (built) return;
  const result = spawnSync(process.execPath, [join(root, 'tools', 'build', 'build.mjs')], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) {
    throw new Error(
      `npm run build failed (exit ${String(result.status ?? result.signal)}), so no compiled service can start:\n${output.slice(-4000)}`,
    );
  }
  if (output !== '') process.stderr.write(output);
  built = true;
}
