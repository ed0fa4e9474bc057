import { spawnSync } from 'node:child_process';
import { lintWorkspace } from './lint-workspace';

const command = (file: string, args: string[]): number =>
  spawnSync(file, args, { stdio: 'inherit', env: process.env }).status ?? 1;

/**
 * `npm test`: type-check, lint, then every Jest project (unit, integration against a real PostgreSQL and a
 * real Kafka-protocol broker). Arguments after `--` go to Jest (e.g. `npm test -- --selectProjects unit`).
 * `--skip-static` skips type-check and lint for a quicker local loop.
 */
function step(name: string, run: () => number): void {
  const started = Date.now();
  process.stderr.write(`\n[test] ${name}\n`);
  const status = run();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (status !== 0) {
    process.stderr.write(`[test] ${name} failed after ${seconds} s\n`);
    process.exit(status);
  }
  process.stderr.write(`[test] ${name} passed in ${seconds} s\n`);
}

const args = process.argv.slice(2);
const skipStatic = args.includes('--skip-static');
const jestArgs = args.filter((arg) => arg !== '--skip-static');
const bin = (name: string): string =>
  require.resolve(`.bin/${name}`, { paths: [`${process.cwd()}/node_modules`] });

if (!skipStatic) {
  step('type-check (tsc --noEmit, strict)', () => command(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']));
  step("type-check the console's web app (DOM, JSX)", () =>
    command(bin('tsc'), ['-p', 'services/console/web/tsconfig.json']),
  );
  step('lint (eslint + Nx module boundaries)', () => lintWorkspace());
}
step('jest (unit, integration)', () => command(bin('jest'), ['--ci', ...jestArgs]));
