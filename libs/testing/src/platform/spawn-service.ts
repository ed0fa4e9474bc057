import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { findFreePort } from '../kafka/free-port';
import type { TestEnvironment } from './test-environment';
import { SERVICE_NODE_FLAGS } from './service-node-flags';

/** A platform service running as its own operating-system process (for kill -9 and cross-service tests). */
export interface ServiceProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

const ROOT = join(__dirname, '..', '..', '..', '..');

/**
 * Starts `services/<name>/src/main.ts` with the service node flags against the test environment, on a free port,
 * and waits until it answers `/health/live`. Through SWC at start-up, so a test runs the source it tests with no
 * build; the stack, the benchmarks and the image run the compiled dist/ (docs/adr/0015).
 */
export async function spawnService(
  name: string,
  environment: TestEnvironment,
  extraEnv: Record<string, string> = {},
): Promise<ServiceProcess> {
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    [...SERVICE_NODE_FLAGS, '-r', '@swc-node/register', join(ROOT, `services/${name}/src/main.ts`)],
    {
      cwd: ROOT,
      // LOG_FILE (the in-process services' log file of this test file) is not passed: a spawned service's output
      // is captured here, for the test to read.
      env: { ...withoutLogFile(process.env), ...environment.serviceEnv, PORT: String(port), ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited early (${child.exitCode}): ${output.slice(-2000)}`);
    try {
      const response = await fetch(`${url}/health/live`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not start: ${output.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    output: () => output,
    kill: (signal) =>
      new Promise((resolve) => {
        // Already gone: exited (exitCode) or killed by a signal (signalCode, exitCode stays null).
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve(child.exitCode);
          return;
        }
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

function withoutLogFile(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'LOG_FILE'));
}
