import { TOPICS, type SurveyTriggeredPayload } from '@care/contracts';
import type { ProbedMessage, TestEnvironment, TopicFollower } from '@care/testing';
import type { DataSource } from 'typeorm';

/** The groups of survey-trigger and the topics they read. */
const GROUPS = [
  { name: 'visits', topic: TOPICS.claimReceived.name },
  { name: 'members', topic: TOPICS.memberEligibilityChanged.name },
] as const;

/** A visit row as the tests compare them across restarts. */
export interface DecisionRow {
  visit_id: string;
  member_id: string;
  claim_id: string;
  status: string;
  reasons: string[];
  draw: number;
  decided_on: string | null;
  channel: string | null;
}

/** Reads what survey-trigger emitted, and waits until it caught up with its input. */
export class SurveyProbe {
  private constructor(
    private readonly environment: TestEnvironment,
    private readonly dataSource: () => DataSource,
    private readonly follower: TopicFollower,
  ) {}

  static async start(environment: TestEnvironment, dataSource: () => DataSource): Promise<SurveyProbe> {
    const follower = await environment.probe.follow([TOPICS.surveyTriggered.name]);
    return new SurveyProbe(environment, dataSource, follower);
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  group(name: 'visits' | 'members'): string {
    return `${this.environment.prefix}survey-trigger.${name}`;
  }

  /** Waits until both consumers committed everything on their topics and the outbox is empty. */
  async settle(timeoutMs = 30000): Promise<void> {
    await this.environment.probe.waitUntilConsumed(
      GROUPS.map((group) => ({ group: this.group(group.name), topics: [group.topic] })),
      async () => (await this.dataSource().query<Array<{ rows: number }>>('SELECT count(*)::int AS rows FROM outbox'))[0]?.rows ?? -1,
      timeoutMs,
    );
  }

  /** Rewinds both consumer groups to the start of their topics (the service must be stopped). */
  async rewind(): Promise<void> {
    await Promise.all(
      GROUPS.map((group) => this.environment.probe.rewindGroup(this.group(group.name), group.topic)),
    );
  }

  async messages(): Promise<ProbedMessage[]> {
    return this.follower.read(TOPICS.surveyTriggered.name);
  }

  async surveys(memberId?: string): Promise<SurveyTriggeredPayload[]> {
    const all = (await this.messages()).map(
      (message) => (JSON.parse(message.value ?? '{}') as { data: SurveyTriggeredPayload }).data,
    );
    return memberId === undefined ? all : all.filter((survey) => survey.memberId === memberId);
  }

  /** Every visit with its decision, in id order. */
  async decisions(): Promise<DecisionRow[]> {
    return this.dataSource().query<DecisionRow[]>(
      `SELECT visit_id, member_id, claim_id, status, reasons, draw, decided_on::text AS decided_on, channel
         FROM visits ORDER BY visit_id`,
    );
  }
}

/** An HTTP answer: its status and its JSON body, typed by the caller (`as JsonReply<Body>`). */
export interface JsonReply<T = unknown> {
  readonly status: number;
  readonly body: T;
}

/** Request headers of a caller: `await environment.bearer('coach-ana')`. */
export type CallerHeaders = Record<string, string>;

/** GET a JSON resource of the service as a caller. */
export async function getJson(url: string, caller: CallerHeaders): Promise<JsonReply> {
  const response = await fetch(url, { headers: caller });
  return { status: response.status, body: await response.json() };
}

/** POST JSON to the service as a caller. */
export async function postJson(url: string, body: unknown, caller: CallerHeaders): Promise<JsonReply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...caller, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** The visits view of one member. */
export interface MemberVisitsBody {
  memberId: string;
  memberKnown: boolean;
  visits: Array<{
    visitId: string;
    surveyId: string | null;
    serviceDate: string;
    procedureCode: string;
    codeFamily: string;
    kind: string;
    status: string;
    reasons: string[];
    provider: { npi: string };
    decision: {
      decidedOn: string | null;
      draw: number;
      samplingRate: number | null;
      channel: string | null;
      language: string | null;
    };
    claims: Array<{ claimId: string; version: number; describesVisit: boolean }>;
  }>;
}
