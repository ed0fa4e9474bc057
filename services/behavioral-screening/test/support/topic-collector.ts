import type { ProbedMessage, TopicFollower, TopicProbe } from '@care/testing';

/** A message as collected, with its envelope parsed (null when the value is not JSON). */
export interface CollectedMessage extends ProbedMessage {
  readonly envelope: {
    id: string;
    type: string;
    subject: string;
    causationId: string | null;
    correlationId: string;
    data: Record<string, unknown>;
  } | null;
}

const parsed = (message: ProbedMessage): CollectedMessage => {
  try {
    return { ...message, envelope: message.value === null ? null : (JSON.parse(message.value) as CollectedMessage['envelope']) };
  } catch {
    return { ...message, envelope: null };
  }
};

/**
 * Topics followed by one long-lived consumer (`TopicProbe.follow`), with envelopes parsed: specs wait for the
 * messages they expect, or read a topic caught up with everything written so far to assert that nothing else came.
 */
export class TopicCollector {
  private constructor(private readonly follower: TopicFollower) {}

  static async start(probe: TopicProbe, topics: readonly string[]): Promise<TopicCollector> {
    return new TopicCollector(await probe.follow(topics));
  }

  /** Every message written to the topic so far (waits until all were received), matching a filter. */
  async read(topic: string, filter: (message: CollectedMessage) => boolean = () => true): Promise<CollectedMessage[]> {
    return (await this.follower.read(topic)).map(parsed).filter(filter);
  }

  /** Waits until at least `count` matching messages were written and received; returns the matching messages. */
  async waitFor(
    topic: string,
    filter: (message: CollectedMessage) => boolean,
    count = 1,
    timeoutMs = 20000,
  ): Promise<CollectedMessage[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matching = await this.read(topic, filter);
      if (matching.length >= count) return matching;
      if (Date.now() > deadline) {
        throw new Error(`waited ${timeoutMs} ms for ${count} message(s) on ${topic}, got ${matching.length}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async stop(): Promise<void> {
    await this.follower.stop();
  }
}

/** Messages about one member (envelope subject). */
export const forMember =
  (memberId: string) =>
  (message: CollectedMessage): boolean =>
    message.envelope?.subject === memberId;
