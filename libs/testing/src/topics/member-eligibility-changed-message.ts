import { randomUUID } from 'node:crypto';
import type { MemberRecord } from '@care/contracts';

/**
 * A `member-eligibility-changed` message as claims-intake publishes it
 * (docs/schemas/member-eligibility-changed.v1.schema.json): the whole member record as data, keyed by member id.
 * For tests and benchmarks of the services downstream of the roster.
 */
export function memberEligibilityChangedMessage(
  member: MemberRecord,
  options: {
    changeType?: 'added' | 'updated';
    changedFields?: readonly string[];
    occurredAt?: string;
    id?: string;
  } = {},
): { key: string; value: string } {
  const changeType = options.changeType ?? 'added';
  return {
    key: member.memberId,
    value: JSON.stringify({
      id: options.id ?? randomUUID(),
      type: 'member-eligibility-changed',
      version: 1,
      occurredAt: options.occurredAt ?? new Date().toISOString(),
      source: 'claims-intake',
      subject: member.memberId,
      correlationId: member.memberId,
      causationId: null,
      data: {
        changeType,
        member,
        changedFields: options.changedFields ?? (changeType === 'updated' ? ['optOuts'] : []),
      },
    }),
  };
}
