import {
  TOPICS,
  type MemberIdentificationRetractedPayload,
  type MemberIdentifiedPayload,
} from '@care/contracts';
import type { TestEnvironment, TopicFollower } from '@care/testing';
import type { DataSource } from 'typeorm';
import { payloadsOf } from './condition-identification-app';

/** Reads what condition-identification emitted, and waits until it has caught up with its input. */
export class IdentificationProbe {
  private constructor(
    private readonly environment: TestEnvironment,
    private readonly dataSource: () => DataSource,
    private readonly follower: TopicFollower,
  ) {}

  static async start(environment: TestEnvironment, dataSource: () => DataSource): Promise<IdentificationProbe> {
    const follower = await environment.probe.follow([
      TOPICS.memberIdentified.name,
      TOPICS.memberIdentificationRetracted.name,
    ]);
    return new IdentificationProbe(environment, dataSource, follower);
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  get evidenceGroup(): string {
    return `${this.environment.prefix}condition-identification.evidence`;
  }

  /** Waits until the evidence consumer committed everything on its topics and the outbox is empty. */
  async settle(timeoutMs = 30000): Promise<void> {
    await this.environment.probe.waitUntilConsumed(
      [{ group: this.evidenceGroup, topics: [TOPICS.claimReceived.name, TOPICS.assessmentCompleted.name] }],
      async () => (await this.dataSource().query<Array<{ rows: number }>>('SELECT count(*)::int AS rows FROM outbox'))[0]?.rows ?? -1,
      timeoutMs,
    );
  }

  /** Waits until at least `count` identifications were emitted in total. */
  async waitForIdentifications(count: number): Promise<void> {
    await this.environment.probe.waitForCount(TOPICS.memberIdentified.name, count);
  }

  /** Waits until at least `count` retractions were emitted in total. */
  async waitForRetractions(count: number): Promise<void> {
    await this.environment.probe.waitForCount(TOPICS.memberIdentificationRetracted.name, count);
  }

  async identified(memberId?: string): Promise<MemberIdentifiedPayload[]> {
    const all = payloadsOf<MemberIdentifiedPayload>(
      await this.follower.read(TOPICS.memberIdentified.name),
    );
    return memberId === undefined ? all : all.filter((event) => event.memberId === memberId);
  }

  async retracted(memberId?: string): Promise<MemberIdentificationRetractedPayload[]> {
    const all = payloadsOf<MemberIdentificationRetractedPayload>(
      await this.follower.read(TOPICS.memberIdentificationRetracted.name),
    );
    return memberId === undefined ? all : all.filter((event) => event.memberId === memberId);
  }
}
