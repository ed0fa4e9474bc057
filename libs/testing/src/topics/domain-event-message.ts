import { randomUUID } from 'node:crypto';

/**
 * A domain event message as a platform service publishes it: the envelope (docs/schemas) with `data`, keyed and
 * subject by member. For tests that feed a service's input topics directly.
 */
export function domainEventMessage(
  type: string,
  memberId: string,
  data: object,
  id: string = randomUUID(),
): { key: string; value: string } {
  return {
    key: memberId,
    value: JSON.stringify({
      id,
      type,
      version: 1,
      occurredAt: new Date().toISOString(),
      source: 'test',
      subject: memberId,
      correlationId: randomUUID(),
      causationId: null,
      data,
    }),
  };
}
