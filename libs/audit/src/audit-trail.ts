import type { EntityManager } from 'typeorm';
import type { Caller } from '@care/auth';
import type { PurposeOfUse } from './purpose-of-use';

/** Who reads, why, and through which route: the context of every entry of one request. */
export interface ReadContext {
  readonly caller: Pick<Caller, 'subject' | 'roles'>;
  readonly purpose: PurposeOfUse;
  /** `GET /v1/members/:memberId/gaps`: the method and the route pattern. */
  readonly route: string;
}

/**
 * What was read: an action (`gaps.read`, `task.next`, `access.refused`...), the resource (its type and id) and
 * the member whose data it is (null for a resource of no one member, e.g. a provider's score card).
 */
export interface ReadRecord {
  readonly action: string;
  readonly resourceType: string;
  readonly resourceId: string;
  readonly memberId: string | null;
}

export type ReadOutcome = 'allowed' | 'denied';

/** One entry of the audit trail as `GET /v1/audit/reads` shows it. */
export interface AuditTrailEntry extends ReadRecord {
  readonly entryId: string;
  readonly at: string;
  readonly actor: string;
  readonly roles: readonly string[];
  readonly purpose: PurposeOfUse;
  readonly route: string | null;
  readonly outcome: ReadOutcome;
}

/** A filter of {@link findReads}: one member, one actor, entries after one entry id, a page size. */
export interface AuditTrailFilter {
  readonly memberId?: string | undefined;
  readonly actor?: string | undefined;
  readonly afterEntryId?: string | undefined;
  readonly limit: number;
}

/**
 * Appends reads to the trail in one statement (who, which roles, why, which route, what, whose, the outcome).
 * Called inside the transaction that reads, so a read whose entry cannot be written fails with it.
 */
export async function recordReads(
  manager: EntityManager,
  context: ReadContext,
  reads: readonly ReadRecord[],
  outcome: ReadOutcome,
  at: Date,
): Promise<void> {
  if (reads.length === 0) return;
  await manager.query(
    `INSERT INTO read_audit (at, actor, roles, purpose, route, outcome, action, resource_type, resource_id, member_id)
     SELECT $1, $2, $3::text[], $4, $5, $6, r.action, r.resource_type, r.resource_id, r.member_id
       FROM unnest($7::text[], $8::text[], $9::text[], $10::text[]) AS r(action, resource_type, resource_id, member_id)`,
    [
      at,
      context.caller.subject,
      context.caller.roles,
      context.purpose,
      context.route,
      outcome,
      reads.map((read) => read.action),
      reads.map((read) => read.resourceType),
      reads.map((read) => read.resourceId),
      reads.map((read) => read.memberId),
    ],
  );
}

interface AuditRow {
  entry_id: string;
  at: Date;
  actor: string;
  roles: string[];
  purpose: PurposeOfUse;
  route: string | null;
  outcome: ReadOutcome;
  action: string;
  resource_type: string;
  resource_id: string;
  member_id: string | null;
}

/** The trail, oldest first, optionally of one member or one actor; keyset pages after `afterEntryId`. */
export async function findReads(
  manager: EntityManager,
  filter: AuditTrailFilter,
): Promise<AuditTrailEntry[]> {
  const rows = await manager.query<AuditRow[]>(
    `SELECT entry_id, at, actor, roles, purpose, route, outcome, action, resource_type, resource_id, member_id
       FROM read_audit
      WHERE ($1::text IS NULL OR member_id = $1) AND ($2::text IS NULL OR actor = $2) AND entry_id > $3
      ORDER BY entry_id LIMIT $4`,
    [filter.memberId ?? null, filter.actor ?? null, filter.afterEntryId ?? '0', filter.limit],
  );
  return rows.map((row) => ({
    entryId: row.entry_id,
    at: row.at.toISOString(),
    actor: row.actor,
    roles: row.roles,
    purpose: row.purpose,
    route: row.route,
    outcome: row.outcome,
    action: row.action,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    memberId: row.member_id,
  }));
}
