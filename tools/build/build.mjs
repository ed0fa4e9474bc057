#!/usr/bin/env node
// `npm run build [-- --clean]`: every service (services/*/src/main.ts), the libs they import and the topic
// provisioning CLI compiled to CommonJS under dist/, mirroring the repository tree (dist/services/<name>/src/main.js,
// dist/libs/<lib>/src/..., dist/docs/schemas), so that paths relative to __dirname hold in both trees.
// docs/adr/0015-compiled-javascript-build.md says why it is built this way.
//
//   1. `tsc -b tsconfig.build.json`: type-checked, decorator metadata emitted; incremental (dist/*.tsbuildinfo),
//      so an up-to-date tree costs a quarter of a second and an edit recompiles only what it affects.
//   2. tsc-alias rewrites the @care/* path aliases of the emitted JavaScript to relative paths (only after tsc
//      emitted something), so the compiled services resolve the compiled libs without TypeScript's paths.
//   3. docs/schemas is copied to dist/docs/schemas (the OpenAPI documents read it at start-up).
//
// Used by tools/care.mjs before `stack`, `demo` and `bench`, and by whatever starts a compiled service
// (tools/build/compiled-service.ts), so a fresh clone needs no extra step. Builds of one tree are serialised with
// a lock directory (dist/.build-lock): test workers that start services at the same time build once.
// Uses only Node's standard library and the two development dependencies it drives (typescript, tsc-alias).
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const DIST = join(root, 'dist');
const CONFIG = join(root, 'tsconfig.build.json');
const BUILD_INFO = join(DIST, 'tsconfig.build.tsbuildinfo');
const STAMP = join(DIST, '.aliases-rewritten');
const LOCK = join(DIST, '.build-lock');
const LOCK_WAIT_MS = 10 * 60 * 1000;

const say = (line) => process.stderr.write(`[build] ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The entry points the build must produce: every service's main.js and the provisioning CLI. */
function expectedOutputs() {
  const services = readdirSync(join(root, 'services')).filter((name) =>
    existsSync(join(root, 'services', name, 'src', 'main.ts')),
  );
  return [
    ...services.map((name) => join(DIST, 'services', name, 'src', 'main.js')),
    ...(existsSync(join(root, 'services', 'console', 'web'))
      ? [join(DIST, 'console-web', 'index.html')]
      : []),
    join(DIST, 'infra', 'kafka', 'provision-topics.js'),
  ];
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Takes dist/.build-lock (a directory: mkdir is atomic), waiting for another build; a dead holder's is taken over. */
async function acquireLock() {
  mkdirSync(DIST, { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  let told = false;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
    } catch {
      // the holder has not written its pid yet, or just released the lock
    }
    if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
      say(`removing the lock of build ${holder}, which is gone`);
      rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another build (pid ${holder}) held ${LOCK} for 10 minutes`);
    if (!told) say(`waiting for another build (pid ${holder}) to finish`);
    told = true;
    await sleep(200);
  }
}

/** The newest modification time of the files under `dir` (0 when there is none). */
function newestUnder(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * 4. The console's web app (services/console/web) built by Vite into dist/console-web, when its sources changed
 *    since the last build (its index.html is older than the newest source) or it was never built (about 2 s).
 */
function buildWebApp() {
  const web = join(root, 'services', 'console', 'web');
  if (!existsSync(web)) return 0;
  const built = join(DIST, 'console-web', 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newestUnder(web)) return 0;
  const started = Date.now();
  const vite = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      join(web, 'vite.config.mts'),
      '--logLevel',
      'warn',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  if (vite.status !== 0) {
    say(`vite build of the console failed (exit ${vite.status ?? vite.signal})`);
    return 1;
  }
  say(`console web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

const mtimeOf = (file) => (existsSync(file) ? String(statSync(file).mtimeMs) : 'none');

async function build({ clean }) {
  const release = await acquireLock();
  try {
    if (clean) {
      for (const entry of readdirSync(DIST)) {
        if (join(DIST, entry) !== LOCK) rmSync(join(DIST, entry), { recursive: true, force: true });
      }
    }
    const started = Date.now();
    // tsc -b decides from its build info whether anything changed; it does not notice a deleted output, so a
    // missing entry point forces a full build.
    const missing = expectedOutputs().some((file) => !existsSync(file));
    const tsc = spawnSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-b', CONFIG, ...(missing ? ['--force'] : [])],
      { cwd: root, stdio: 'inherit' },
    );
    if (tsc.status !== 0) {
      say(`tsc -b tsconfig.build.json failed (exit ${tsc.status ?? tsc.signal}); dist/ is not up to date`);
      return 1;
    }
    // The aliases are rewritten whenever tsc wrote anything since the last rewrite (the stamp holds the build
    // info's time). Rewriting is idempotent: relative paths are left as they are.
    const emitted = mtimeOf(BUILD_INFO);
    const rewritten = existsSync(STAMP) ? readFileSync(STAMP, 'utf8') : '';
    if (emitted !== rewritten) {
      const { replaceTscAliasPaths } = require('tsc-alias');
      await replaceTscAliasPaths({ configFile: CONFIG });
      writeFileSync(STAMP, emitted);
    }
    cpSync(join(root, 'docs', 'schemas'), join(DIST, 'docs', 'schemas'), { recursive: true });
    if (buildWebApp() !== 0) return 1;
    const absent = expectedOutputs().filter((file) => !existsSync(file));
    if (absent.length > 0) {
      say(`the build did not produce ${absent.join(', ')}`);
      return 1;
    }
    if (emitted !== rewritten) say(`dist/ built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    release();
  }
}

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--clean');
if (unknown.length > 0) {
  say(`unexpected ${unknown.join(' ')}; usage: npm run build [-- --clean]`);
  process.exit(2);
}
process.exit(await build({ clean: args.includes('--clean') }));
