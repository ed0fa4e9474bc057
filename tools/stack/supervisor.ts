import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onShutdownSignal, STACK_DIR, STACK_ENV_FILE, startPlatformStack } from './platform-stack';

/**
 * The background stack's supervisor (started detached by `npm run stack -- start`): owns the database, the broker
 * and the services, records its state in .stack/state.json, and stops everything gracefully on SIGTERM.
 */
const STATE_FILE = join(STACK_DIR, 'state.json');
const writeState = (state: Record<string, unknown>): void =>
  writeFileSync(STATE_FILE, JSON.stringify({ pid: process.pid, ...state }, null, 2));
const log = (line: string): void => {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
};

async function main(): Promise<void> {
  writeState({ status: 'starting' });
  const stack = await startPlatformStack(log);
  writeState({ status: 'ready', services: stack.services, env: stack.env });
  log('stack ready');
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    writeState({ status: 'stopping' });
    log('stopping');
    await stack.stop();
    rmSync(STACK_ENV_FILE, { force: true });
    rmSync(STATE_FILE, { force: true });
    log('stopped');
    process.exit(0);
  };
  onShutdownSignal(() => void stop());
}

main().catch((error: unknown) => {
  writeState({ status: 'failed', error: error instanceof Error ? error.message : 'start failed' });
  log(`start failed: ${error instanceof Error ? error.message : 'unknown error'}`);
  process.exit(1);
});
