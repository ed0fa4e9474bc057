import type { EntityManager } from 'typeorm';
import type { CaseworkCaller } from '../shared/access-policy';

/**
 * Why a caller reads a member's data (the "why" of the audit log), from the `x-purpose-of-use` header; without it,
 * the purpose of the caller's role ({@link defaultPurposeOf}). A closed list, so the log never holds free text.
 */
export const PURPOSES_OF_USE = ['care-management', 'member-request', 'supervision', 'quality-review', 'privacy-audit'] as const;
export type PurposeOfUse = (typeof PURPOSES_OF_USE)[number];
export const PURPOSE_HEADER = 'x-purpose-of-use';

/** Supervisors supervise; everyone else who may read member data reads it to manage care. */
export const defaultPurposeOf = (caller: CaseworkCaller): PurposeOfUse =>
  caller.roles.includes('supervisor') && !caller.roles.some((role) => role === 'coach' || role === 'advocate')
    ? 'supervision'
    : 'care-management';

/** What was read: `task.read`, `task.next` (handed out), `case.read`, `case.list`, `enrollment.read`. */
export type ReadAction = 'task.read' | 'task.next' | 'case.read' | 'case.list' | 'enrollment.read';

export interface ReadRecord {
  readonly action: ReadAction;
  readonly resourceType: 'task' | 'case' | 'member';
  readonly resourceId: string;
  readonly memberId: string;
}

/** One entry of the audit log as `GET /v1/audit/reads` shows it. */
export interface ReadAuditEntry extends ReadRecord {
  readonly entryId: string;
  readonly at: string;
  readonly actor: string;
  readonly roles: readonly string[];
  readonly purpose: PurposeOfUse;
  readonly outcome: 'allowed' | 'denied';
}

/**
 * Appends reads to the audit log (who, what, when, why, allowed or denied). Called inside the transaction that reads,
 * so a read whose entry cannot be written fails; refused reads are written on their own before the 403.
 */
export async function recordReads(
  manager: EntityManager,
  caller: CaseworkCaller,
  reads: readonly ReadRecord[],
  purpose: PurposeOfUse,
  outcome: 'allowed' | 'denied',
  at: Date,
): Promise<void> {
  if (reads.length === 0) return;
  await manager.query(
    `INSERT INTO read_audit (at, actor, roles, action, resource_type, resource_id, member_id, purpose, outcome)
     SELECT $1, $2, $3::text[], r.action, r.resource_type, r.resource_id, r.member_id, $4, $5
       FROM unnest($6::text[], $7::text[], $8::text[], $9::text[]) AS r(action, resource_type, resource_id, member_id)`,
    [
      at,
      caller.subject,
      caller.roles,
      purpose,
      outcome,
      reads.map((read) => read.action),
      reads.map((read) => read.resourceType),
      reads.map((read) => read.resourceId),
      reads.map((read) => read.memberId),
    ],
  );
}

/** The audit log, oldest first, optionally for one member or one actor; keyset pages after `afterEntryId`. */
export async function findReads(
  manager: EntityManager,
  filter: { memberId?: string; actor?: string; afterEntryId?: string; limit: number },
): Promise<ReadAuditEntry[]> {
  const rows = await manager.query<
    Array<{
      entry_id: string;
      at: Date;
      actor: string;
      roles: string[];
      action: ReadAction;
      resource_type: ReadRecord['resourceType'];
      resource_id: string;
      member_id: string;
      purpose: PurposeOfUse;
      outcome: 'allowed' | 'denied';
    }>
  >(
    `SELECT * FROM read_audit
      WHERE ($1::text IS NULL OR member_id = $1) AND ($2::text IS NULL OR actor = $2) AND entry_id > $3
      ORDER BY entry_id LIMIT $4`,
    [filter.memberId ?? null, filter.actor ?? null, filter.afterEntryId ?? '0', filter.limit],
  );
  return rows.map((row) => ({
    entryId: row.entry_id,
    at: row.at.toISOString(),
    actor: row.actor,
    roles: row.roles,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    memberId: row.member_id,
    purpose: row.purpose,
    outcome: row.outcome,
  }));
}
