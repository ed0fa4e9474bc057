import { deadLetterTopicOf, findTopic, type TopicDefinition } from '@care/contracts';

/**
 * Maps catalog topic names to physical names with the environment's prefix, and back.
 * Only the messaging library sees physical names; services speak catalog topics.
 */
export class TopicNames {
  constructor(readonly prefix: string) {}

  physical(topic: TopicDefinition | string): string {
    return `${this.prefix}${typeof topic === 'string' ? topic : topic.name}`;
  }

  deadLetter(topic: TopicDefinition | string): string {
    return this.physical(deadLetterTopicOf(typeof topic === 'string' ? topic : topic.name));
  }

  logical(physicalName: string): string {
    return this.prefix !== '' && physicalName.startsWith(this.prefix)
      ? physicalName.slice(this.prefix.length)
      : physicalName;
  }

  /** The catalog entry of a physical name, or undefined. */
  definitionOf(physicalName: string): TopicDefinition | undefined {
    return findTopic(this.logical(physicalName));
  }

  consumerGroup(service: string, consumerName: string): string {
    return `${this.prefix}${service}.${consumerName}`;
  }
}
