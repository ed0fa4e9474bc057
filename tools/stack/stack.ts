import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, STACK_DIR, STACK_ENV_FILE } from './platform-stack';

/**
 * `npm run stack -- start|stop|status`: the platform in the background for tools and scripts.
 * `start` returns once every service is ready and .stack/env is written (KAFKA_BROKERS, DATABASE_URL,
 * <SERVICE>_URL, DEV_IDENTITY_URL, OIDC_ISSUER); `stop` stops it gracefully; `status` shows each service's
 * readiness (exit 1 when not running).
 */
const STATE_FILE = join(STACK_DIR, 'state.json');

interface StackState {
  pid: number;
  status: 'starting' | 'ready' | 'stopping' | 'failed';
  error?: string;
  services?: Array<{ name: string; url: string; pid: number }>;
}

const readState = (): StackState | undefined =>
  existsSync(STATE_FILE) ? (JSON.parse(readFileSync(STATE_FILE, 'utf8')) as StackState) : undefined;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function start(): Promise<number> {
  const current = readState();
  if (current !== undefined && alive(current.pid) && current.status === 'ready') {
    process.stdout.write(`stack already running (pid ${current.pid}); env in .stack/env\n`);
    return 0;
  }
  mkdirSync(join(STACK_DIR, 'logs'), { recursive: true });
  const logFd = openSync(join(STACK_DIR, 'logs', 'supervisor.log'), 'a');
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(ROOT, 'tools/stack/supervisor.ts')],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: process.env,
    },
  );
  child.unref();
  const deadline = Date.now() + 300000;
  while (Date.now() < deadline) {
    await sleep(250);
    const state = readState();
    if (state === undefined || state.pid !== child.pid) continue;
    if (state.status === 'ready') {
      process.stdout.write(
        `stack ready (supervisor pid ${state.pid}); environment in .stack/env:\n${readFileSync(STACK_ENV_FILE, 'utf8')}`,
      );
      return 0;
    }
    if (state.status === 'failed') {
      process.stderr.write(`stack failed to start: ${state.error ?? 'unknown'} (see .stack/logs/)\n`);
      return 1;
    }
  }
  process.stderr.write('stack did not become ready within 300 s (see .stack/logs/supervisor.log)\n');
  return 1;
}

async function stop(): Promise<number> {
  const state = readState();
  if (state === undefined || !alive(state.pid)) {
    process.stdout.write('stack is not running\n');
    return 0;
  }
  process.kill(state.pid, 'SIGTERM');
  const deadline = Date.now() + 60000;
  while (alive(state.pid) && Date.now() < deadline) await sleep(200);
  if (alive(state.pid)) {
    process.kill(state.pid, 'SIGKILL');
    for (const service of state.services ?? []) if (alive(service.pid)) process.kill(service.pid, 'SIGKILL');
  }
  process.stdout.write('stack stopped\n');
  return 0;
}

async function status(): Promise<number> {
  const state = readState();
  if (state === undefined || !alive(state.pid)) {
    process.stdout.write('stack is not running\n');
    return 1;
  }
  process.stdout.write(`supervisor pid ${state.pid}: ${state.status}\n`);
  let ready = state.status === 'ready';
  for (const service of state.services ?? []) {
    let health = 'down';
    try {
      const response = await fetch(`${service.url}/health/ready`);
      health = response.ok ? 'ready' : `not ready (${response.status})`;
    } catch {
      health = 'not answering';
    }
    ready = ready && health === 'ready';
    process.stdout.write(`  ${service.name.padEnd(26)} ${service.url.padEnd(24)} ${health}\n`);
  }
  return ready ? 0 : 1;
}

const USAGE =
  'usage: npm run stack -- start|stop|status\n' +
  '  start   the platform in the background on embedded defaults (.stack/env holds its settings)\n' +
  '  stop    every service, then the broker, then the database\n' +
  '  status  each service and whether it is ready (exit 0 when all are)\n';
const commands: Record<string, () => Promise<number>> = { start, stop, status };
const [name = '', ...extra] = process.argv.slice(2);
if (name === '--help' || name === '-h' || name === 'help') {
  process.stdout.write(USAGE);
  process.exit(0);
}
const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
if (command === undefined || extra.length > 0) {
  process.stderr.write(
    `${command === undefined ? `unknown command ${JSON.stringify(name)}` : `unexpected ${extra.join(' ')}`}\n${USAGE}`,
  );
  process.exit(2);
}
command().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`stack: ${error instanceof Error ? error.message : 'failed'}\n`);
    process.exit(1);
  },
);
