import type { INestApplication } from '@nestjs/common';
import { MessagingRuntime } from '@care/messaging';
import { bootstrapService } from '@care/observability';
import { spawnService, type ServiceProcess, type TestEnvironment } from '@care/testing';
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
export type ClaimsIntakeProcess = ServiceProcess;

export const spawnClaimsIntake = (
  environment: TestEnvironment,
  extraEnv: Record<string, string> = {},
): Promise<ClaimsIntakeProcess> => spawnService('claims-intake', environment, extraEnv);
