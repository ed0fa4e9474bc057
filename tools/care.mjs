#!/usr/bin/env node
// The one entry point behind `npm start`, `npm test`, `npm run stack`, `npm run bench` and `npm run build`.
// Uses only Node's standard library, so it runs on a fresh clone: it installs what the platform needs
// (npm packages from the lockfile; Debian's librdkafka-dev for the fallback mock broker, only where Java and
// Maven are missing; Debian's chromium for the console's browser tests), compiles the services to dist/ when that
// is missing or stale (before `stack start`, `demo` and `bench`, which run the compiled services, as the container
// image does) and then hands over to the TypeScript tool named by the first argument. `build` only compiles (tools/build/build.mjs).
import { spawnSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (line) => process.stderr.write(`[care] ${line}\n`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    say(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function ensureNpmPackages() {
  const lock = readFileSync(join(root, 'package-lock.json'));
  const hash = createHash('sha256')
    .update(lock)
    .update(readFileSync(join(root, 'package.json')))
    .digest('hex');
  const marker = join(root, 'node_modules', '.care-install-hash');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === hash) return;
  // `npm ci`: exactly the lockfile (complete for Linux and macOS, one version of each Nx package), and it never
  // rewrites package-lock.json, so a first run leaves a clean clone clean.
  say('installing npm packages pinned in package-lock.json (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(marker, hash);
}

/** True when `command args` runs and exits 0. */
function runs(command, args) {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return !result.error && result.status === 0;
}

/**
 * Apache Kafka itself runs from Maven Central's artifacts where Java and Maven are present (libs/testing fetches
 * and caches them on first use); only without them does the platform fall back to librdkafka's mock broker.
 */
function ensureLibrdkafka() {
  if (process.env.KAFKA_BROKERS) return; // an external broker: no local broker is needed
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  if (process.env.TEST_KAFKA !== 'local-mock' && runs(java, ['-version']) && runs('mvn', ['-v'])) return;
  if (existsSync('/usr/include/librdkafka/rdkafka_mock.h')) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  say('installing librdkafka-dev (Debian) for the local Kafka-protocol broker');
  const apt = (args) => {
    const [command, ...rest] = [...sudo, 'apt-get', ...args];
    run(command, rest, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', 'librdkafka-dev', 'gcc']);
}

/**
 * Debian's Chromium for the console's browser tests (Playwright drives it through `executablePath`: Playwright's
 * own browser download does not work on these machines). Installed once, before `npm test`.
 */
function ensureChromium() {
  if (process.env.CHROMIUM_PATH || existsSync('/usr/bin/chromium')) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  say("installing chromium (Debian) for the console's browser tests");
  const apt = (args) => {
    const [command, ...rest] = [...sudo, 'apt-get', ...args];
    run(command, rest, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium']);
}

const tools = {
  test: 'tools/test/run-tests.ts',
  demo: 'tools/stack/demo.ts',
  stack: 'tools/stack/stack.ts',
  bench: 'bench/run-benchmarks.ts',
  lint: 'tools/test/run-lint.ts',
  proof: 'tools/proof/proof-cli.ts',
};

/**
 * `tsc -b tsconfig.build.json` and the @care/* aliases rewritten, into dist/ (tools/build/build.mjs): about 0.3 s
 * when dist/ is up to date, a few seconds after an edit, and the services it compiles are what the stack, the
 * benchmarks and the container image run.
 */
function buildServices(args = []) {
  run(process.execPath, [join(root, 'tools', 'build', 'build.mjs'), ...args]);
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'build') {
  ensureNpmPackages();
  buildServices(rest);
  process.exit(0);
}
const script = tools[command];
if (script === undefined) {
  say(`usage: node tools/care.mjs <build|${Object.keys(tools).join('|')}> [args]`);
  process.exit(2);
}
ensureNpmPackages();
ensureLibrdkafka();
if (command === 'test') ensureChromium();
// `stack stop` and `stack status` run no service: they work whatever state the sources are in.
if (command === 'demo' || command === 'bench' || command === 'proof' || (command === 'stack' && rest[0] === 'start'))
  buildServices();
const child = spawn(process.execPath, ['-r', '@swc-node/register', join(root, script), ...rest], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
  // `npm start` runs the platform in its own process group: Ctrl-C in the terminal (or a signal to npm) reaches
  // the platform once, through the line below, and it stops in order (services, then the broker, then the
  // database). In the terminal's group, PostgreSQL, the broker and every service got Ctrl-C themselves and stopped
  // at once, the database under the services still flushing.
  detached: command === 'demo',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
