import type { INestApplication } from '@nestjs/common';
import { aValidMember, TOPICS, type MemberRecord, type ProgramEnrollmentChangedPayload } from '@care/contracts';
import { MessagingRuntime } from '@care/messaging';
import { DEV_PASSWORD, DEV_USERS, startDevIdentityProvider, type DevIdentityProvider, type DevUser } from '@care/auth';
import { bootstrapService, type Clock } from '@care/observability';
import {
  careGapClosedMessage,
  careGapDetectedMessage,
  identificationRetractedMessage,
  memberEligibilityChangedMessage,
  memberIdentifiedMessage,
  phq9CompletedMessage,
  type TestEnvironment,
  type TopicFollower,
} from '@care/testing';
import { DataSource } from 'typeorm';
import { CASEWORK_JSON_SCHEMAS, loadCaseworkConfig } from '../../src/casework.config';
import { CaseworkModule } from '../../src/casework.module';

/** casework running inside the test process, booted as main.ts boots it, with its identity provider. */
export interface RunningCasework {
  readonly app: INestApplication;
  readonly url: string;
  readonly dataSource: DataSource;
  /** The development identity provider (real HTTP, real signed tokens) casework trusts. */
  readonly identity: DevIdentityProvider;
  /** An HTTP client speaking as this seeded user (a bearer token from the provider); undefined: no token. */
  as(username: string | undefined): ReturnType<typeof httpAs>;
  close(): Promise<void>;
}

/** Test users besides the seeded ones: twenty coaches of the coaching queue (coach-0 … coach-19), a second advocate. */
export const TEST_USERS: readonly DevUser[] = [
  ...Array.from({ length: 20 }, (_, index) => ({
    username: `coach-${String(index)}`,
    password: DEV_PASSWORD,
    name: `Coach ${String(index)}`,
    roles: ['coach'] as const,
    queues: ['coaching'],
  })),
  { username: 'advocate-dana', password: DEV_PASSWORD, name: 'Dana Advocate', roles: ['advocate'], queues: ['advocacy'] },
];

/** The development identity provider the tests' casework trusts: the seeded users and {@link TEST_USERS}. */
export const startTestIdentity = (): Promise<DevIdentityProvider> =>
  startDevIdentityProvider({ port: 0, host: '127.0.0.1', users: [...DEV_USERS, ...TEST_USERS] });

/**
 * Boots casework in this process. It trusts `overrides.identity` when given (left running by `close`), otherwise an
 * identity provider of its own (closed with it).
 */
export async function startCasework(
  environment: TestEnvironment,
  overrides: { clock?: Clock; identity?: DevIdentityProvider } = {},
  extraEnv: Record<string, string> = {},
): Promise<RunningCasework> {
  const identity = overrides.identity ?? (await startTestIdentity());
  const config = loadCaseworkConfig({ ...environment.serviceEnv, PORT: '0', OIDC_ISSUER: identity.issuer, ...extraEnv });
  const app = await bootstrapService(CaseworkModule.forRoot(config, { clock: overrides.clock }), {
    port: 0,
    title: 'casework',
    description: 'test instance',
    jsonSchemas: CASEWORK_JSON_SCHEMAS,
  });
  await app.get(MessagingRuntime).waitForConsumers();
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (username: string): Promise<string> => {
    const token = tokens.get(username) ?? identity.tokenFor(username);
    tokens.set(username, token);
    return token;
  };
  return {
    app,
    url,
    identity,
    dataSource: app.get(DataSource),
    as: (username) => httpAs(url, username === undefined ? undefined : tokenOf(username)),
    close: async () => {
      await app.close();
      if (overrides.identity === undefined) await identity.close();
    },
  };
}

/** The topics casework consumes. */
export const CASEWORK_INPUTS = [
  TOPICS.memberIdentified.name,
  TOPICS.careGapDetected.name,
  TOPICS.screeningCompleted.name,
  TOPICS.screeningSafetySignal.name,
  TOPICS.memberEligibilityChanged.name,
  TOPICS.memberIdentificationRetracted.name,
  TOPICS.careGapClosed.name,
];

/** Reads what casework emitted, and waits until it has caught up with its inputs. */
export class CaseworkProbe {
  private constructor(
    private readonly environment: TestEnvironment,
    private readonly dataSource: () => DataSource,
    private readonly follower: TopicFollower,
  ) {}

  static async start(environment: TestEnvironment, dataSource: () => DataSource): Promise<CaseworkProbe> {
    const follower = await environment.probe.follow([TOPICS.programEnrollmentChanged.name]);
    return new CaseworkProbe(environment, dataSource, follower);
  }

  get group(): string {
    return `${this.environment.prefix}casework.task-inputs`;
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  /** Waits until the consumer committed every input message and the outbox is empty. */
  async settle(timeoutMs = 30000): Promise<void> {
    await this.environment.probe.waitUntilConsumed(
      [{ group: this.group, topics: CASEWORK_INPUTS }],
      async () => (await this.dataSource().query<Array<{ rows: number }>>('SELECT count(*)::int AS rows FROM outbox'))[0]?.rows ?? -1,
      timeoutMs,
    );
  }

  async enrollmentChanges(memberId: string): Promise<ProgramEnrollmentChangedPayload[]> {
    return (await this.follower.read(TOPICS.programEnrollmentChanged.name))
      .map((message) => (JSON.parse(message.value ?? '{}') as { data: ProgramEnrollmentChangedPayload }).data)
      .filter((payload) => payload.memberId === memberId);
  }
}

// The input events, built by libs/testing (shared with the benchmark); positional shorthands for these tests.
export const memberIdentified = (memberId: string, identificationId?: string, at?: string) =>
  memberIdentifiedMessage(memberId, { identificationId, at });
export const identificationRetracted = identificationRetractedMessage;
export const careGapDetected = (memberId: string, gapId?: string, at?: string) => careGapDetectedMessage(memberId, { gapId, at });
export const careGapClosed = careGapClosedMessage;
export const phq9Completed = phq9CompletedMessage;

/** A roster snapshot of a member (optionally opted out of care management). */
export const rosterMessage = (memberId: string, change: Partial<MemberRecord> = {}, occurredAt?: string) =>
  memberEligibilityChangedMessage(aValidMember({ memberId, subscriberId: memberId, ...change }), {
    changeType: 'added',
    ...(occurredAt === undefined ? {} : { occurredAt }),
  });

/** An HTTP answer; `body` is the parsed JSON, typed as the test expects its own service to answer. */
export interface HttpAnswer<T> {
  readonly status: number;
  readonly body: T;
}

/** A small HTTP client sending this bearer token (`undefined`: no Authorization header), plus any extra headers. */
export function httpAs(url: string, token: string | Promise<string> | undefined, extraHeaders: Record<string, string> = {}) {
  const request = async (method: 'GET' | 'POST', path: string, body?: object): Promise<HttpAnswer<unknown>> => {
    const bearer = token === undefined ? undefined : await token;
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
        ...extraHeaders,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  };
  return {
    get: async <T = Record<string, unknown>>(path: string) => (await request('GET', path)) as HttpAnswer<T>,
    post: async <T = Record<string, unknown>>(path: string, body?: object) => (await request('POST', path, body)) as HttpAnswer<T>,
  };
}
