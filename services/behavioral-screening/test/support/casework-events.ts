import { randomUUID } from 'node:crypto';

/** A Kafka message as casework would publish it: the envelope as value, keyed by member. */
export interface CaseworkMessage {
  readonly id: string;
  readonly key: string;
  readonly value: string;
}

function envelope(type: string, memberId: string, data: Record<string, unknown>, id: string): CaseworkMessage {
  return {
    id,
    key: memberId,
    value: JSON.stringify({
      id,
      type,
      version: 1,
      occurredAt: new Date().toISOString(),
      source: 'casework',
      subject: memberId,
      correlationId: id,
      causationId: null,
      data,
    }),
  };
}

/** A `case-opened` v1 message (docs/schemas/case-opened.v1.schema.json). */
export function caseOpenedMessage(
  memberId: string,
  options: { caseId?: string; caseType?: string; openedAt?: string; id?: string; data?: Record<string, unknown> } = {},
): CaseworkMessage {
  return envelope(
    'case-opened',
    memberId,
    {
      caseId: options.caseId ?? `CASE-${memberId}`,
      memberId,
      caseType: options.caseType ?? 'case-management',
      openedAt: options.openedAt ?? new Date().toISOString(),
      ...options.data,
    },
    options.id ?? randomUUID(),
  );
}

/** A `program-enrollment-changed` v1 message (docs/schemas/program-enrollment-changed.v1.schema.json). */
export function enrollmentChangedMessage(
  memberId: string,
  status: string,
  options: { programId?: string; changedAt?: string } = {},
): CaseworkMessage {
  return envelope(
    'program-enrollment-changed',
    memberId,
    { memberId, programId: options.programId ?? 'DEPRESSION-CARE', status, changedAt: options.changedAt ?? new Date().toISOString() },
    randomUUID(),
  );
}
