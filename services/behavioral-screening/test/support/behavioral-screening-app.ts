import type { INestApplication } from '@nestjs/common';
import { aValidMember, TOPICS, type AdministrativeSex } from '@care/contracts';
import { MessagingRuntime } from '@care/messaging';
import { bootstrapService } from '@care/observability';
import { memberEligibilityChangedMessage, type TestEnvironment } from '@care/testing';
import { DataSource } from 'typeorm';
import {
  BEHAVIORAL_SCREENING_JSON_SCHEMAS,
  loadBehavioralScreeningConfig,
} from '../../src/behavioral-screening.config';
import { BehavioralScreeningModule } from '../../src/behavioral-screening.module';
import { FollowUpPoller } from '../../src/follow-ups/follow-up.poller';

/** behavioral-screening running inside the test process, booted exactly as main.ts boots it. */
export interface RunningBehavioralScreening {
  readonly app: INestApplication;
  readonly url: string;
  readonly dataSource: DataSource;
  readonly messaging: MessagingRuntime;
  readonly followUps: FollowUpPoller;
  /** POST as `as` (default `screening-vendor`, an assessment vendor's client). */
  post(
    path: string,
    body: unknown,
    contentType?: string,
    as?: string,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  /** GET as `as` (default `coach-ana`). */
  get(path: string, as?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  /**
   * Puts members on the roster (`member-eligibility-changed`, sex `unknown` unless given) and waits until the service
   * has consumed them: its screenings are held until then.
   */
  onRoster(...members: Array<string | { memberId: string; sex: AdministrativeSex }>): Promise<void>;
  /** Rows of a table of the service's schema matching a condition (SQL written by the test). */
  count(sql: string, parameters?: unknown[]): Promise<number>;
  close(): Promise<void>;
}

export async function startBehavioralScreening(
  environment: TestEnvironment,
  extraEnv: Record<string, string> = {},
): Promise<RunningBehavioralScreening> {
  const config = loadBehavioralScreeningConfig({ ...environment.serviceEnv, PORT: '0', ...extraEnv });
  const app = await bootstrapService(BehavioralScreeningModule.forRoot(config), {
    port: 0,
    title: 'behavioral-screening',
    description: 'test instance',
    jsonSchemas: BEHAVIORAL_SCREENING_JSON_SCHEMAS,
  });
  const messaging = app.get(MessagingRuntime);
  await messaging.waitForConsumers();
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const dataSource = app.get(DataSource);
  const request = async (
    path: string,
    init?: RequestInit,
  ): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetch(`${url}${path}`, init);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return {
    app,
    url,
    dataSource,
    messaging,
    followUps: app.get(FollowUpPoller),
    post: async (path, body, contentType = 'application/json', as = 'screening-vendor') =>
      request(path, {
        method: 'POST',
        headers: { ...(await environment.bearer(as)), 'content-type': contentType },
        body: JSON.stringify(body),
      }),
    get: async (path, as = 'coach-ana') => request(path, { headers: await environment.bearer(as) }),
    onRoster: async (...members) => {
      await environment.probe.produce(
        TOPICS.memberEligibilityChanged.name,
        members.map((member) => {
          const { memberId, sex } =
            typeof member === 'string' ? { memberId: member, sex: 'unknown' as const } : member;
          return memberEligibilityChangedMessage(aValidMember({ memberId, subscriberId: memberId, sex }));
        }),
      );
      await environment.probe.waitUntilConsumed(
        [
          {
            group: `${environment.prefix}behavioral-screening.members`,
            topics: [TOPICS.memberEligibilityChanged.name],
          },
        ],
        async () =>
          (await dataSource.query<Array<{ rows: number }>>('SELECT count(*)::int AS rows FROM outbox'))[0]
            ?.rows ?? -1,
      );
    },
    count: async (sql, parameters = []) =>
      (await dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${sql}`, parameters))[0]
        ?.n ?? -1,
    close: () => app.close(),
  };
}
