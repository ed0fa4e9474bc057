import type { INestApplication } from '@nestjs/common';
import {
  TOPICS,
  type CareAlertIssuedPayload,
  type CareGapClosedPayload,
  type CareGapDetectedPayload,
} from '@care/contracts';
import { MessagingRuntime } from '@care/messaging';
import { bootstrapService } from '@care/observability';
import type { TestEnvironment, TopicFollower } from '@care/testing';
import { DataSource } from 'typeorm';
import { CARE_GAPS_JSON_SCHEMAS, loadCareGapsConfig } from '../../src/care-gaps.config';
import { CareGapsModule, type CareGapsOverrides } from '../../src/care-gaps.module';
import { DailyGapReviewService } from '../../src/gaps/review/daily-gap-review.service';

/** care-gaps running inside the test process, booted as main.ts boots it. */
export interface RunningCareGaps {
  readonly app: INestApplication;
  readonly url: string;
  readonly dataSource: DataSource;
  readonly review: DailyGapReviewService;
  close(): Promise<void>;
}

export async function startCareGaps(
  environment: TestEnvironment,
  overrides: CareGapsOverrides = {},
  extraEnv: Record<string, string> = {},
): Promise<RunningCareGaps> {
  const config = loadCareGapsConfig({ ...environment.serviceEnv, PORT: '0', ...extraEnv });
  const app = await bootstrapService(CareGapsModule.forRoot(config, { scheduleReview: false, ...overrides }), {
    port: 0,
    title: 'care-gaps',
    description: 'test instance',
    jsonSchemas: CARE_GAPS_JSON_SCHEMAS,
  });
  await app.get(MessagingRuntime).waitForConsumers();
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    url,
    dataSource: app.get(DataSource),
    review: app.get(DailyGapReviewService),
    close: () => app.close(),
  };
}

const INPUTS = [
  TOPICS.claimReceived.name,
  TOPICS.memberEligibilityChanged.name,
  TOPICS.memberIdentified.name,
  TOPICS.memberIdentificationRetracted.name,
  TOPICS.programEnrollmentChanged.name,
];

/** Reads what care-gaps emitted, and waits until it has caught up with its inputs. */
export class GapsProbe {
  private constructor(
    private readonly environment: TestEnvironment,
    private readonly dataSource: () => DataSource,
    private readonly follower: TopicFollower,
  ) {}

  static async start(environment: TestEnvironment, dataSource: () => DataSource): Promise<GapsProbe> {
    const follower = await environment.probe.follow([
      TOPICS.careGapDetected.name,
      TOPICS.careGapClosed.name,
      TOPICS.careAlertIssued.name,
    ]);
    return new GapsProbe(environment, dataSource, follower);
  }

  get group(): string {
    return `${this.environment.prefix}care-gaps.gap-inputs`;
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  /** Waits until the consumer committed every input message and the outbox is empty. */
  async settle(timeoutMs = 30000): Promise<void> {
    await this.environment.probe.waitUntilConsumed(
      [{ group: this.group, topics: INPUTS }],
      async () => (await this.dataSource().query<Array<{ rows: number }>>('SELECT count(*)::int AS rows FROM outbox'))[0]?.rows ?? -1,
      timeoutMs,
    );
  }

  private async payloads<T extends { memberId: string }>(topic: string, memberId?: string): Promise<T[]> {
    const all = (await this.follower.read(topic)).map(
      (message) => (JSON.parse(message.value ?? '{}') as { data: T }).data,
    );
    return memberId === undefined ? all : all.filter((payload) => payload.memberId === memberId);
  }

  detected(memberId?: string): Promise<CareGapDetectedPayload[]> {
    return this.payloads(TOPICS.careGapDetected.name, memberId);
  }

  closed(memberId?: string): Promise<CareGapClosedPayload[]> {
    return this.payloads(TOPICS.careGapClosed.name, memberId);
  }

  alerts(memberId?: string): Promise<CareAlertIssuedPayload[]> {
    return this.payloads(TOPICS.careAlertIssued.name, memberId);
  }
}

/** A domain event message as its producing service publishes it (envelope with `data`, keyed by member). */
export { domainEventMessage as eventMessage } from '@care/testing';
