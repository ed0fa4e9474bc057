import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const bin = (name: string): string => join(ROOT, 'node_modules', '.bin', name);
const NX_ENV = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };

/**
 * ESLint over the workspace with the Nx module-boundary rule really enforced. That rule reads Nx's cached project
 * graph and silently skips itself when there is none (a fresh clone), so the graph is computed first, offline,
 * and its absence fails the lint. Returns ESLint's exit status.
 */
export function lintWorkspace(extraArgs: readonly string[] = []): number {
  const graph = spawnSync(bin('nx'), ['show', 'projects'], {
    cwd: ROOT,
    env: NX_ENV,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (graph.status !== 0 || !existsSync(join(ROOT, '.nx', 'workspace-data', 'project-graph.json'))) {
    process.stderr.write(
      'lint: Nx could not compute the project graph, so module boundaries cannot be checked\n',
    );
    return 1;
  }
  const eslint = spawnSync(bin('eslint'), ['--max-warnings', '0', '.', ...extraArgs], {
    cwd: ROOT,
    env: NX_ENV,
    stdio: 'inherit',
  });
  return eslint.status ?? 1;
}
