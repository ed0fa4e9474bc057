/** What a task is for; with its cause id it identifies the task (one task per cause). */
export const TASK_KINDS = ['welcome-outreach', 'gap-outreach', 'screening-follow-up'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** Queue order: urgent first, then high, then routine (then earliest due, then oldest). */
export const TASK_PRIORITIES = ['urgent', 'high', 'routine'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const PRIORITY_RANK: Readonly<Record<TaskPriority, number>> = { urgent: 0, high: 1, routine: 2 };

/**
 * open: waiting in its queue; assigned: a coach has it; snoozed: back in the queue, handed out again from
 * `availableAt`; completed (with an outcome) and cancelled (with a reason) are final.
 */
export const TASK_STATUSES = ['open', 'assigned', 'snoozed', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Statuses a task can still change from. */
export const ACTIVE_TASK_STATUSES: readonly TaskStatus[] = ['open', 'assigned', 'snoozed'];

export const TASK_OUTCOMES = ['enrolled', 'declined', 'unable-to-reach', 'referred'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/** Work queues; each works to its team's business calendar (advocacy cases arrive in part 2). */
export const QUEUES = ['coaching', 'advocacy'] as const;
export type QueueName = (typeof QUEUES)[number];

/** Why a task was cancelled. */
export type CancelReason = 'identification-retracted' | 'gap-closed' | 'opted-out' | 'declined' | 'deceased';

/** A task as the API shows it. `details` holds clinical context for the coach (PHI: never logged). */
export interface TaskView {
  readonly taskId: string;
  readonly kind: TaskKind;
  readonly causeId: string;
  readonly memberId: string;
  readonly queue: QueueName;
  readonly priority: TaskPriority;
  readonly dueAt: string;
  readonly status: TaskStatus;
  readonly assignee: string | null;
  readonly assignedAt: string | null;
  readonly availableAt: string;
  readonly snoozeReason: string | null;
  readonly outcome: TaskOutcome | null;
  readonly cancelReason: string | null;
  readonly details: Record<string, unknown>;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly closedAt: string | null;
}
