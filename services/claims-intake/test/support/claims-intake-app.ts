import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { MessagingRuntime } from '@care/messaging';
import { bootstrapService } from '@care/observability';
import { findFreePort, SERVICE_NODE_FLAGS, type TestEnvironment } from '@care/testing';
import { DataSource } from 'typeorm';
import { ClaimsIntakeModule } from '../../src/claims-intake.module';
import { CLAIMS_INTAKE_JSON_SCHEMAS, loadClaimsIntakeConfig } from '../../src/claims-intake.config';

/** claims-intake running inside the test process, booted exactly as main.ts boots it. */
export interface RunningClaimsIntake {
  readonly app: INestApplication;
  readonly url: string;
  readonly dataSource: DataSource;
  readonly messaging: MessagingRuntime;
  close(): Promise<void>;
}

export async function startClaimsIntake(
  environment: TestEnvironment,
  extraEnv: Record<string, string> = {},
  options: { waitForConsumers?: boolean } = {},
): Promise<RunningClaimsIntake> {
  const config = loadClaimsIntakeConfig({ ...environment.serviceEnv, PORT: '0', ...extraEnv });
  const app = await bootstrapService(ClaimsIntakeModule.forRoot(config), {
    port: 0,
    title: 'claims-intake',
    description: 'test instance',
    jsonSchemas: CLAIMS_INTAKE_JSON_SCHEMAS,
  });
  const messaging = app.get(MessagingRuntime);
  if (options.waitForConsumers !== false) await messaging.waitForConsumers();
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, dataSource: app.get(DataSource), messaging, close: () => app.close() };
}

/** claims-intake as a real operating-system process (for kill -9 tests). */
export interface ClaimsIntakeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

const ROOT = join(__dirname, '..', '..', '..', '..');

export async function spawnClaimsIntake(
  environment: TestEnvironment,
  extraEnv: Record<string, string> = {},
): Promise<ClaimsIntakeProcess> {
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    [...SERVICE_NODE_FLAGS, '-r', '@swc-node/register', join(ROOT, 'services/claims-intake/src/main.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, ...environment.serviceEnv, PORT: String(port), ...extraEnv },
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
      throw new Error(`claims-intake exited early (${child.exitCode}): ${output.slice(-2000)}`);
    try {
      const response = await fetch(`${url}/health/live`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`claims-intake did not start: ${output.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    output: () => output,
    kill: (signal) =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve(child.exitCode);
          return;
        }
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}
