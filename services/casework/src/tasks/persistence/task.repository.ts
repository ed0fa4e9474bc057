import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { TaskCancellation, TaskPlan } from '../planning/plan-task';
import {
  PRIORITY_RANK,
  type CancelReason,
  type QueueName,
  type TaskKind,
  type TaskOutcome,
  type TaskPriority,
  type TaskStatus,
  type TaskView,
} from '../task.model';

/** Who changed a task: a coach's id, or `system` for changes made by events. */
export const SYSTEM_ACTOR = 'system';

interface TaskRow {
  task_id: string;
  kind: TaskKind;
  cause_id: string;
  member_id: string;
  queue: QueueName;
  priority: TaskPriority;
  due_at: Date;
  status: TaskStatus;
  assignee: string | null;
  assigned_at: Date | null;
  available_at: Date;
  snooze_reason: string | null;
  outcome: TaskOutcome | null;
  cancel_reason: string | null;
  details: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
}

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

/** The API view of a row. */
export const taskViewOf = (row: TaskRow): TaskView => ({
  taskId: row.task_id,
  kind: row.kind,
  causeId: row.cause_id,
  memberId: row.member_id,
  queue: row.queue,
  priority: row.priority,
  dueAt: row.due_at.toISOString(),
  status: row.status,
  assignee: row.assignee,
  assignedAt: iso(row.assigned_at),
  availableAt: row.available_at.toISOString(),
  snoozeReason: row.snooze_reason,
  outcome: row.outcome,
  cancelReason: row.cancel_reason,
  details: row.details,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
  closedAt: iso(row.closed_at),
});

const ACTIVE = "('open', 'assigned', 'snoozed')";

/** Runs an UPDATE … RETURNING: TypeORM answers those with `[rows, affected]` rather than the rows. */
async function updateReturning<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const result = await manager.query<[T[], number]>(sql, parameters);
  return result[0];
}

/** Appends history entries (the table rejects updates and deletes). */
async function appendHistory(
  manager: EntityManager,
  entries: ReadonlyArray<{ taskId: string; action: string; actor: string; detail?: object }>,
  at: Date,
): Promise<void> {
  if (entries.length === 0) return;
  await manager.query(
    `INSERT INTO task_history (task_id, action, actor, detail, at)
     SELECT * , $5::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[])`,
    [
      entries.map((entry) => entry.taskId),
      entries.map((entry) => entry.action),
      entries.map((entry) => entry.actor),
      entries.map((entry) => JSON.stringify(entry.detail ?? {})),
      at,
    ],
  );
}

/**
 * Inserts planned tasks in one statement; a cause that already has a task (open, done or cancelled) keeps it.
 * Returns the tasks created.
 */
export async function insertTasks(
  manager: EntityManager,
  plans: ReadonlyArray<TaskPlan & { causeEventId?: string }>,
  now: Date,
): Promise<Array<{ taskId: string; kind: TaskKind; priority: TaskPriority }>> {
  if (plans.length === 0) return [];
  const rows = await manager.query<Array<{ task_id: string; kind: TaskKind; priority: TaskPriority }>>(
    `INSERT INTO tasks (task_id, kind, cause_id, member_id, queue, priority, priority_rank, due_at, status,
                        available_at, details, cause_event_id, created_at, updated_at)
     SELECT r.task_id, r.kind, r.cause_id, r.member_id, r.queue, r.priority, r.priority_rank, r.due_at, 'open',
            $2, r.details, r.cause_event_id, $2, $2
       FROM jsonb_to_recordset($1::jsonb) AS r(task_id uuid, kind text, cause_id text, member_id text, queue text,
            priority text, priority_rank smallint, due_at timestamptz, details jsonb, cause_event_id uuid)
     ON CONFLICT (kind, cause_id) DO NOTHING
     RETURNING task_id, kind, priority`,
    [
      JSON.stringify(
        plans.map((plan) => ({
          task_id: randomUUID(),
          kind: plan.kind,
          cause_id: plan.causeId,
          member_id: plan.memberId,
          queue: plan.queue,
          priority: plan.priority,
          priority_rank: PRIORITY_RANK[plan.priority],
          due_at: plan.dueAt.toISOString(),
          details: plan.details,
          cause_event_id: plan.causeEventId ?? null,
        })),
      ),
      now,
    ],
  );
  await appendHistory(
    manager,
    rows.map((row) => ({ taskId: row.task_id, action: 'created', actor: SYSTEM_ACTOR })),
    now,
  );
  return rows.map((row) => ({ taskId: row.task_id, kind: row.kind, priority: row.priority }));
}

/**
 * Cancels the still-active task of each cause. A cause with no task yet (its end arrived first: the topics are
 * separate) gets a cancelled placeholder, so the late event creates nothing. Returns the tasks cancelled.
 */
export async function cancelByCause(
  manager: EntityManager,
  cancellations: readonly TaskCancellation[],
  now: Date,
): Promise<Array<{ taskId: string; reason: CancelReason }>> {
  if (cancellations.length === 0) return [];
  const rows = await manager.query<
    Array<{ task_id: string; cancel_reason: CancelReason; placeholder: boolean }>
  >(
    `INSERT INTO tasks (task_id, kind, cause_id, member_id, queue, priority, priority_rank, due_at, status,
                        available_at, cancel_reason, details, created_at, updated_at, closed_at)
     SELECT r.task_id, r.kind, r.cause_id, r.member_id, 'coaching', 'routine', 2, $2, 'cancelled',
            $2, r.reason, '{"placeholder": true}', $2, $2, $2
       FROM jsonb_to_recordset($1::jsonb) AS r(task_id uuid, kind text, cause_id text, member_id text, reason text)
     ON CONFLICT (kind, cause_id) DO UPDATE SET
       status = 'cancelled', cancel_reason = EXCLUDED.cancel_reason, assignee = NULL, updated_at = $2, closed_at = $2
     WHERE tasks.status IN ${ACTIVE}
     RETURNING task_id, cancel_reason, (xmax = 0) AS placeholder`,
    [
      JSON.stringify(
        cancellations.map((item) => ({
          task_id: randomUUID(),
          kind: item.kind,
          cause_id: item.causeId,
          member_id: item.memberId,
          reason: item.reason,
        })),
      ),
      now,
    ],
  );
  await appendHistory(
    manager,
    rows.map((row) => ({
      taskId: row.task_id,
      action: 'cancelled',
      actor: SYSTEM_ACTOR,
      detail: { reason: row.cancel_reason, ...(row.placeholder ? { beforeCreation: true } : {}) },
    })),
    now,
  );
  return rows
    .filter((row) => !row.placeholder)
    .map((row) => ({ taskId: row.task_id, reason: row.cancel_reason }));
}

/**
 * Cancels the active tasks of members who opted out, declined or died. Urgent (safety) follow-ups are kept unless
 * the member died: a member at risk is still called, whatever their program status.
 */
export async function cancelOutreachOf(
  manager: EntityManager,
  memberIds: readonly string[],
  reason: Extract<CancelReason, 'opted-out' | 'declined' | 'deceased'>,
  now: Date,
): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const rows = await updateReturning<{ task_id: string }>(
    manager,
    `UPDATE tasks SET status = 'cancelled', cancel_reason = $2, assignee = NULL, updated_at = $3, closed_at = $3
      WHERE member_id = ANY($1::text[]) AND status IN ${ACTIVE} AND ($2 = 'deceased' OR priority <> 'urgent')
     RETURNING task_id`,
    [[...new Set(memberIds)], reason, now],
  );
  await appendHistory(
    manager,
    rows.map((row) => ({
      taskId: row.task_id,
      action: 'cancelled',
      actor: SYSTEM_ACTOR,
      detail: { reason },
    })),
    now,
  );
  return rows.map((row) => row.task_id);
}

/**
 * Picks the most urgent available task of queue $1 at time $3: urgent before high before routine, then the earliest
 * due, then the oldest; rows another caller is taking are skipped (SKIP LOCKED). Its order is the order of the
 * partial index `tasks_next_idx`, so walking that index finds the row after reading one entry.
 */
export const NEXT_TASK_PICK_SQL = `SELECT task_id FROM tasks
        WHERE queue = $1 AND status IN ('open', 'snoozed') AND available_at <= $3
        ORDER BY priority_rank, due_at, created_at, task_id
        LIMIT 1
        FOR UPDATE SKIP LOCKED`;

/**
 * Planner setting for {@link NEXT_TASK_PICK_SQL}, local to the transaction: without statistics on `tasks` (a fresh or
 * bulk-filled table autovacuum has not analyzed yet) Postgres estimates a handful of waiting rows, reads them all
 * with a bitmap scan and sorts them, a cost that grows with the queue (11 ms at 20,000 waiting tasks against 0.05 ms
 * for the index walk, measured). Forbidding the sort leaves the ordered index scan, the right plan at any size.
 */
export const NEXT_TASK_PLANNER_SETTING = 'SET LOCAL enable_sort = off';

/**
 * Hands the most urgent available task of a queue to `assignee`, in one statement (see {@link NEXT_TASK_PICK_SQL}),
 * so concurrent callers never get the same task and never wait on each other. Runs inside the caller's transaction
 * (the planner setting is transaction-local).
 */
export async function assignNext(
  manager: EntityManager,
  queue: QueueName,
  assignee: string,
  now: Date,
): Promise<TaskView | undefined> {
  await manager.query(NEXT_TASK_PLANNER_SETTING);
  const rows = await manager.query<TaskRow[]>(
    `WITH picked AS (${NEXT_TASK_PICK_SQL}
     ), assigned AS (
       UPDATE tasks t SET status = 'assigned', assignee = $2, assigned_at = $3, snooze_reason = NULL, updated_at = $3
         FROM picked WHERE t.task_id = picked.task_id
       RETURNING t.*
     ), logged AS (
       INSERT INTO task_history (task_id, action, actor, detail, at)
       SELECT task_id, 'assigned', $2, '{"via": "next"}', $3 FROM assigned
     )
     SELECT * FROM assigned`,
    [queue, assignee, now],
  );
  const row = rows[0];
  return row === undefined ? undefined : taskViewOf(row);
}

/** A task locked for change, or undefined when there is none with this id. */
export async function lockTask(manager: EntityManager, taskId: string): Promise<TaskView | undefined> {
  const rows = await manager.query<TaskRow[]>('SELECT * FROM tasks WHERE task_id = $1 FOR UPDATE', [taskId]);
  const row = rows[0];
  return row === undefined ? undefined : taskViewOf(row);
}

export async function findTask(manager: EntityManager, taskId: string): Promise<TaskView | undefined> {
  const rows = await manager.query<TaskRow[]>('SELECT * FROM tasks WHERE task_id = $1', [taskId]);
  const row = rows[0];
  return row === undefined ? undefined : taskViewOf(row);
}

/** The fields a coach's action changes. */
export type TaskChange =
  | { readonly action: 'reassigned'; readonly assignee: string }
  | { readonly action: 'snoozed'; readonly until: Date; readonly reason: string }
  | { readonly action: 'completed'; readonly outcome: TaskOutcome };

/** Applies a coach's change to a locked task and records it in the history; returns the task after it. */
export async function applyTaskChange(
  manager: EntityManager,
  taskId: string,
  change: TaskChange,
  actor: string,
  now: Date,
): Promise<TaskView> {
  let rows: TaskRow[];
  switch (change.action) {
    case 'reassigned':
      rows = await updateReturning<TaskRow>(
        manager,
        `UPDATE tasks SET status = 'assigned', assignee = $2, assigned_at = $3, snooze_reason = NULL, updated_at = $3
          WHERE task_id = $1 RETURNING *`,
        [taskId, change.assignee, now],
      );
      break;
    case 'snoozed':
      rows = await updateReturning<TaskRow>(
        manager,
        `UPDATE tasks SET status = 'snoozed', assignee = NULL, assigned_at = NULL, available_at = $2,
                          snooze_reason = $3, updated_at = $4
          WHERE task_id = $1 RETURNING *`,
        [taskId, change.until, change.reason, now],
      );
      break;
    case 'completed':
      rows = await updateReturning<TaskRow>(
        manager,
        `UPDATE tasks SET status = 'completed', outcome = $2, updated_at = $3, closed_at = $3
          WHERE task_id = $1 RETURNING *`,
        [taskId, change.outcome, now],
      );
      break;
  }
  const row = rows[0];
  if (row === undefined) throw new Error(`task ${taskId} vanished while locked`);
  const detail =
    change.action === 'reassigned'
      ? { assignee: change.assignee }
      : change.action === 'snoozed'
        ? { until: change.until.toISOString() } // the reason is free text (PHI): kept on the task, not copied
        : { outcome: change.outcome };
  await appendHistory(manager, [{ taskId, action: change.action, actor, detail }], now);
  return taskViewOf(row);
}

export interface TaskHistoryEntry {
  readonly action: string;
  readonly actor: string;
  readonly detail: Record<string, unknown>;
  readonly at: string;
}

export async function loadHistory(manager: EntityManager, taskId: string): Promise<TaskHistoryEntry[]> {
  const rows = await manager.query<
    Array<{ action: string; actor: string; detail: Record<string, unknown>; at: Date }>
  >('SELECT action, actor, detail, at FROM task_history WHERE task_id = $1 ORDER BY entry_id', [taskId]);
  return rows.map((row) => ({
    action: row.action,
    actor: row.actor,
    detail: row.detail,
    at: row.at.toISOString(),
  }));
}

/** A member's active tasks (open, assigned, snoozed), in queue order (tasks_member_idx). */
export async function findActiveTasksOfMember(manager: EntityManager, memberId: string): Promise<TaskView[]> {
  const rows = await manager.query<TaskRow[]>(
    `SELECT * FROM tasks WHERE member_id = $1 AND status IN ${ACTIVE}
      ORDER BY priority_rank, due_at, created_at, task_id`,
    [memberId],
  );
  return rows.map(taskViewOf);
}

/** The tasks a user holds (assigned to them), most urgent first (tasks_assignee_idx). */
export async function findTasksHeldBy(manager: EntityManager, assignee: string): Promise<TaskView[]> {
  const rows = await manager.query<TaskRow[]>(
    `SELECT * FROM tasks WHERE assignee = $1 AND status = 'assigned'
      ORDER BY priority_rank, due_at, created_at, task_id LIMIT 200`,
    [assignee],
  );
  return rows.map(taskViewOf);
}

/** Which tasks of a queue a list shows: those waiting to be handed out, or every active one past its due time. */
export type QueueTaskList = 'waiting' | 'overdue';

/** At most 100 tasks of one queue: waiting in queue order (tasks_next_idx), or overdue, most overdue first. */
export async function findQueueTasks(
  manager: EntityManager,
  queue: QueueName,
  list: QueueTaskList,
  now: Date,
): Promise<TaskView[]> {
  const rows =
    list === 'waiting'
      ? await manager.query<TaskRow[]>(
          `SELECT * FROM tasks WHERE queue = $1 AND status IN ('open', 'snoozed')
            ORDER BY priority_rank, due_at, created_at, task_id LIMIT 100`,
          [queue],
        )
      : await manager.query<TaskRow[]>(
          `SELECT * FROM tasks WHERE queue = $1 AND status IN ${ACTIVE} AND due_at < $2
            ORDER BY due_at, task_id LIMIT 100`,
          [queue, now],
        );
  return rows.map(taskViewOf);
}
