import type { CaseworkErrorCode } from '../../../shared/casework.exception';
import type { TaskChange } from '../../persistence/task.repository';
import { OUTCOMES_BY_KIND, type TaskOutcome, type TaskView } from '../../task.model';

/** A coach's request on one task. */
export type TaskRequest =
  | { readonly action: 'reassign'; readonly assignee: string }
  | { readonly action: 'snooze'; readonly until: Date; readonly reason: string }
  | { readonly action: 'complete'; readonly outcome: TaskOutcome };

/** apply: make the change; repeat: the task already is as asked (answer it again, record nothing); reject. */
export type TaskDecision =
  | { readonly kind: 'apply'; readonly change: TaskChange }
  | { readonly kind: 'repeat' }
  | { readonly kind: 'reject'; readonly code: CaseworkErrorCode; readonly message: string };

/** The longest a task may be snoozed. */
export const MAX_SNOOZE_MS = 30 * 24 * 3_600_000;

/**
 * The task life cycle: open, assigned and snoozed tasks can be reassigned or snoozed (a snooze puts the task back in
 * its queue from `until`); only an assigned task can be completed; completed and cancelled tasks are final, except
 * that completing again with the same outcome is answered as a repeat (a retried request).
 */
export function decideTaskChange(task: TaskView, request: TaskRequest, now: Date): TaskDecision {
  const id = task.taskId;
  if (task.status === 'completed' || task.status === 'cancelled') {
    if (request.action === 'complete' && task.status === 'completed') {
      return task.outcome === request.outcome
        ? { kind: 'repeat' }
        : { kind: 'reject', code: 'outcome-conflict', message: `task ${id} was already completed with another outcome` };
    }
    return { kind: 'reject', code: 'task-closed', message: `task ${id} is ${task.status}` };
  }
  switch (request.action) {
    case 'reassign':
      return task.status === 'assigned' && task.assignee === request.assignee
        ? { kind: 'repeat' }
        : { kind: 'apply', change: { action: 'reassigned', assignee: request.assignee } };
    case 'snooze': {
      const ahead = request.until.getTime() - now.getTime();
      if (ahead <= 0 || ahead > MAX_SNOOZE_MS) {
        return { kind: 'reject', code: 'snooze-out-of-range', message: 'until must be in the future and at most 30 days ahead' };
      }
      return { kind: 'apply', change: { action: 'snoozed', until: request.until, reason: request.reason } };
    }
    case 'complete':
      if (!OUTCOMES_BY_KIND[task.kind].includes(request.outcome)) {
        return {
          kind: 'reject',
          code: 'outcome-not-applicable',
          message: `a ${task.kind} task is completed with ${OUTCOMES_BY_KIND[task.kind].join(', ')}`,
        };
      }
      return task.status === 'assigned'
        ? { kind: 'apply', change: { action: 'completed', outcome: request.outcome } }
        : { kind: 'reject', code: 'task-not-assigned', message: `task ${id} is ${task.status}: take it (next or reassign) first` };
  }
}
