import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { AssessmentCompletedPayload } from '@care/contracts';
import { MessagingRuntime } from '@care/messaging';
import { bootstrapService, type Clock } from '@care/observability';
import type { TestEnvironment } from '@care/testing';
import { DataSource } from 'typeorm';
import {
  CONDITION_IDENTIFICATION_JSON_SCHEMAS,
  loadConditionIdentificationConfig,
} from '../../src/condition-identification.config';
import {
  ConditionIdentificationModule,
  type ConditionIdentificationOverrides,
} from '../../src/condition-identification.module';
import { DailyReevaluationService } from '../../src/identification/reevaluation/daily-reevaluation.service';
import { IdentificationRerunsService } from '../../src/identification/reruns/identification-reruns.service';

/** condition-identification running inside the test process, booted as main.ts boots it. */
export interface RunningConditionIdentification {
  readonly app: INestApplication;
  readonly url: string;
  readonly dataSource: DataSource;
  readonly messaging: MessagingRuntime;
  readonly reruns: IdentificationRerunsService;
  readonly reevaluation: DailyReevaluationService;
  close(): Promise<void>;
}

export async function startConditionIdentification(
  environment: TestEnvironment,
  overrides: ConditionIdentificationOverrides = {},
  extraEnv: Record<string, string> = {},
): Promise<RunningConditionIdentification> {
  const config = loadConditionIdentificationConfig({ ...environment.serviceEnv, PORT: '0', ...extraEnv });
  const app = await bootstrapService(
    ConditionIdentificationModule.forRoot(config, { scheduleReevaluation: false, ...overrides }),
    {
      port: 0,
      title: 'condition-identification',
      description: 'test instance',
      jsonSchemas: CONDITION_IDENTIFICATION_JSON_SCHEMAS,
    },
  );
  const messaging = app.get(MessagingRuntime);
  await messaging.waitForConsumers();
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    url,
    dataSource: app.get(DataSource),
    messaging,
    reruns: app.get(IdentificationRerunsService),
    reevaluation: app.get(DailyReevaluationService),
    close: () => app.close(),
  };
}

/** A clock the test moves: evidence ages without waiting. */
export class TestClock implements Clock {
  private instant: Date;

  constructor(start: Date = new Date()) {
    this.instant = new Date(start);
  }

  now(): Date {
    return new Date(this.instant);
  }

  set(instant: Date | string): void {
    this.instant = new Date(instant);
  }
}

export { claimReceivedMessage, daysAgo, fill, inpatientStay, officeVisit } from '@care/testing';

/** An `assessment-completed` message as an assessment vendor publishes it. */
export function assessmentMessage(
  assessment: AssessmentCompletedPayload,
  id: string = randomUUID(),
): { key: string; value: string } {
  return {
    key: assessment.memberId,
    value: JSON.stringify({
      id,
      type: 'assessment-completed',
      version: 1,
      occurredAt: new Date().toISOString(),
      source: 'test-assessment-vendor',
      subject: assessment.memberId,
      correlationId: assessment.assessmentId,
      causationId: null,
      data: assessment,
    }),
  };
}

/** The payloads on a topic, parsed. */
export function payloadsOf<T>(messages: ReadonlyArray<{ value: string | null }>): T[] {
  return messages.map((message) => (JSON.parse(message.value ?? '{}') as { data: T }).data);
}
