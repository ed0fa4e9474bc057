import { ACCESS, type AccessPolicy } from '@care/auth';

/**
 * The verified caller as casework needs it: the token's subject, roles and work queues. Structurally the `Caller` of
 * `@care/auth`.
 */
export interface CaseworkCaller {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly queues: readonly string[];
}

/**
 * Who may do what (docs: services/casework/README.md, "Roles"):
 * - coach and advocate: work the queues their token names; see and change only tasks and cases of those queues;
 * - supervisor: sees and changes every queue's tasks and cases, and the queue statistics;
 * - ops: the queue statistics only (no member data);
 * - admin: the statistics and the audit trail (@care/audit; no member data: reading it would itself be a read to
 *   justify).
 */
export const WORKER_ROLES = ['coach', 'advocate'] as const;
export const MEMBER_DATA_ROLES = ['coach', 'advocate', 'supervisor'] as const;

/** Reading a member's tasks, cases and enrollments (every read audited). */
export const READ_CASEWORK: AccessPolicy = ACCESS.readMemberData;
/** Working them: opening and moving cases, taking and completing tasks, enrolling. */
export const WORK_CASEWORK: AccessPolicy = { roles: MEMBER_DATA_ROLES, scope: 'casework:write', memberData: true };
/** A worker's own queue counts (the queues their token names; supervisors: all): counts only. */
export const WORK_QUEUES: AccessPolicy = { roles: MEMBER_DATA_ROLES, scope: 'casework:write', memberData: false };
/** The queue statistics: counts only. */
export const READ_QUEUE_STATS: AccessPolicy = { roles: ['supervisor', 'ops', 'admin'], scope: 'stats:read', memberData: false };

const hasAny = (caller: CaseworkCaller, roles: readonly string[]): boolean => caller.roles.some((role) => roles.includes(role));

/** Whether the caller sees every queue (supervisors). */
export const seesAllQueues = (caller: CaseworkCaller): boolean => caller.roles.includes('supervisor');

/** Whether the caller may see and change the tasks and cases of this queue. */
export function mayWorkQueue(caller: CaseworkCaller, queue: string): boolean {
  return seesAllQueues(caller) || (hasAny(caller, WORKER_ROLES) && caller.queues.includes(queue));
}
