/** What a task is for; with its cause id it identifies the task (one task per cause). */
export const TASK_KINDS = ['welcome-outreach', 'gap-outreach', 'screening-follow-up', 'case-callback'] as const;
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

export const TASK_OUTCOMES = ['enrolled', 'declined', 'unable-to-reach', 'referred', 'contacted'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/**
 * Outcomes that only fit some kinds: enrollment answers close outreach (they record the care-program status);
 * `contacted` closes a case callback (the case itself carries on).
 */
export const OUTCOMES_BY_KIND: Readonly<Record<TaskKind, readonly TaskOutcome[]>> = {
  'welcome-outreach': ['enrolled', 'declined', 'unable-to-reach', 'referred'],
  'gap-outreach': ['enrolled', 'declined', 'unable-to-reach', 'referred'],
  'screening-follow-up': ['enrolled', 'declined', 'unable-to-reach', 'referred'],
  'case-callback': ['contacted', 'unable-to-reach', 'referred'],
};

/**
 * Work queues, each worked to its team's business calendar: coaches work `coaching`, advocates `advocacy`, and the
 * health plan's own team `health-plan` (advocacy requests its plans handle).
 */
export const QUEUES = ['coaching', 'advocacy', 'health-plan'] as const;
export type QueueName = (typeof QUEUES)[number];

/** Why a task was cancelled. */
export type CancelReason = 'identification-retracted' | 'gap-closed' | 'opted-out' | 'declined' | 'deceased' | 'case-withdrawn';

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
