import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MessagingRuntime, stageEvents } from '@care/messaging';
import { CLOCK, type Clock } from '@care/observability';
import { DataSource } from 'typeorm';
import { MemberReadAudit, type ReadContext, type ReadRecord } from '@care/audit';
import { ChangeEnrollmentUseCase } from '../enrollment/use-cases/change-enrollment/change-enrollment.use-case';
import { mayWorkQueue, seesAllQueues, type CaseworkCaller } from '../shared/access-policy';
import { CASEWORK_POLICY, type CaseworkPolicy } from '../shared/casework-policy';
import { CaseworkException } from '../shared/casework.exception';
import { lockMembers } from '../shared/lock-members.util';
import { appendNote, loadNotes, loadNotesOfMember, type MemberNote, type TaskNote } from './persistence/task-note.repository';
import {
  applyTaskChange,
  assignNext,
  findActiveTasksOfMember,
  findTask,
  findQueueTasks,
  findTasksHeldBy,
  loadHistory,
  type QueueTaskList,
  lockTask,
  type TaskHistoryEntry,
} from './persistence/task.repository';
import { TaskMetrics } from './task.metrics';
import type { QueueName, TaskOutcome, TaskView } from './task.model';
import { decideTaskChange, type TaskRequest } from './use-cases/change-task/decide-task-change';

/** Outcomes of an outreach task that are also the member's answer to the care program. */
const ENROLLMENT_OF_OUTCOME: Partial<Record<TaskOutcome, 'enrolled' | 'declined'>> = {
  enrolled: 'enrolled',
  declined: 'declined',
};

const taskRead = (task: TaskView, action: 'task.read' | 'task.next' | 'task.list'): ReadRecord => ({
  action,
  resourceType: 'task',
  resourceId: task.taskId,
  memberId: task.memberId,
});

/** A task with its notes and history (GET /v1/tasks/{id}). */
export interface TaskDetail extends TaskView {
  readonly notes: readonly TaskNote[];
  readonly history: readonly TaskHistoryEntry[];
}

/**
 * Coaches' actions on tasks, each in its own transaction: take the next task of a queue, reassign, snooze,
 * complete (recording the enrollment an outcome implies), and append notes.
 */
@Injectable()
export class TaskActionsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    @Inject(ChangeEnrollmentUseCase) private readonly changeEnrollment: ChangeEnrollmentUseCase,
    @Inject(TaskMetrics) private readonly metrics: TaskMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CASEWORK_POLICY) private readonly policy: CaseworkPolicy,
    @Inject(MemberReadAudit) private readonly audit: MemberReadAudit,
  ) {}

  /**
   * The most urgent available task of the queue, now assigned to the caller (whose token must name the queue);
   * undefined when none is waiting. Handing it out is a read of the member's task: audited in the same transaction.
   */
  async next(queue: QueueName, caller: CaseworkCaller, context: ReadContext): Promise<TaskView | undefined> {
    if (!mayWorkQueue(caller, queue)) {
      throw new CaseworkException('queue-forbidden', `queue ${queue} is not one of yours`);
    }
    const task = await this.audit.allowed(
      context,
      (taken: TaskView | undefined) => (taken === undefined ? [] : [taskRead(taken, 'task.next')]),
      (manager) => assignNext(manager, queue, caller.subject, this.clock.now()),
    );
    if (task !== undefined) this.metrics.countAssigned(queue);
    return task;
  }

  /** The task with its notes and history, for callers who work its queue (supervisors: any); audited either way. */
  async get(taskId: string, caller: CaseworkCaller, context: ReadContext): Promise<TaskDetail> {
    const task = await findTask(this.dataSource.manager, taskId);
    if (task === undefined) throw this.notFound(taskId);
    if (!mayWorkQueue(caller, task.queue)) {
      await this.audit.denied(context, taskRead(task, 'task.read'));
      throw new CaseworkException('queue-forbidden', `task ${task.taskId} is in queue ${task.queue}, which is not one of yours`);
    }
    return this.audit.allowed(context, [taskRead(task, 'task.read')], async (manager) => {
      const current = (await findTask(manager, taskId)) ?? task;
      return { ...current, notes: await loadNotes(manager, taskId), history: await loadHistory(manager, taskId) };
    });
  }

  /** A member's active tasks in the queues the caller works (supervisors: all); each one returned is audited. */
  listOfMember(memberId: string, caller: CaseworkCaller, context: ReadContext): Promise<TaskView[]> {
    return this.audit.allowed(
      context,
      (tasks: TaskView[]) => tasks.map((task) => taskRead(task, 'task.list')),
      async (manager) => (await findActiveTasksOfMember(manager, memberId)).filter((task) => mayWorkQueue(caller, task.queue)),
    );
  }

  /**
   * A member's notes on every task of theirs, closed ones too, in the queues the caller works (supervisors: all),
   * newest first. Reading them is a read of the member's record: audited whether or not there are any.
   */
  notesOfMember(memberId: string, caller: CaseworkCaller, context: ReadContext): Promise<MemberNote[]> {
    return this.audit.allowed(
      context,
      [{ action: 'task-notes.read', resourceType: 'member', resourceId: memberId, memberId }],
      async (manager) => (await loadNotesOfMember(manager, memberId)).filter((note) => mayWorkQueue(caller, note.queue)),
    );
  }

  /** A queue's waiting or overdue tasks, for those who work the queue (supervisors: any); each one returned is audited. */
  async listOfQueue(queue: QueueName, list: QueueTaskList, caller: CaseworkCaller, context: ReadContext): Promise<TaskView[]> {
    if (!mayWorkQueue(caller, queue)) {
      throw new CaseworkException('queue-forbidden', `queue ${queue} is not one of yours`);
    }
    return this.audit.allowed(
      context,
      (tasks: TaskView[]) => tasks.map((task) => taskRead(task, 'task.list')),
      (manager) => findQueueTasks(manager, queue, list, this.clock.now()),
    );
  }

  /** The tasks the caller holds, most urgent first; each one returned is audited. */
  held(caller: CaseworkCaller, context: ReadContext): Promise<TaskView[]> {
    return this.audit.allowed(
      context,
      (tasks: TaskView[]) => tasks.map((task) => taskRead(task, 'task.list')),
      (manager) => findTasksHeldBy(manager, caller.subject),
    );
  }

  /**
   * Applies a request; a repeat answers the task as it is. The caller must work the task's queue; a coach or advocate
   * completes only a task they hold (supervisors: any).
   */
  async change(taskId: string, request: TaskRequest, caller: CaseworkCaller): Promise<TaskView> {
    const now = this.clock.now();
    let published = false;
    let applied = false;
    const task = await this.dataSource.transaction(async (manager) => {
      const peek = await findTask(manager, taskId);
      if (peek === undefined) throw this.notFound(taskId);
      // Member lock before row lock, the order every writer of the member's tasks takes them in.
      await lockMembers(manager, [peek.memberId]);
      const current = await lockTask(manager, taskId);
      if (current === undefined) throw this.notFound(taskId);
      this.checkMayChange(current, caller, request);
      const decision = decideTaskChange(current, request, now);
      if (decision.kind === 'reject') throw new CaseworkException(decision.code, decision.message);
      if (decision.kind === 'repeat') return current;
      const changed = await applyTaskChange(manager, taskId, decision.change, caller.subject, now);
      applied = true;
      const status =
        decision.change.action === 'completed' && changed.kind !== 'case-callback' ? ENROLLMENT_OF_OUTCOME[decision.change.outcome] : undefined;
      if (status !== undefined) {
        const outcome = await this.changeEnrollment.execute(
          manager,
          { memberId: changed.memberId, programId: this.policy.careProgramId, status, source: 'outreach', actor: caller.subject },
          now,
        );
        if (outcome.status === 'changed') {
          await stageEvents(manager, outcome.events);
          published = true;
        }
      }
      return changed;
    });
    if (published) this.messaging.published();
    if (applied && request.action === 'complete') this.metrics.countCompleted(request.outcome);
    return task;
  }

  /** Appends a note (any status: a note may follow the outcome); the same note id twice stores it once. */
  async addNote(taskId: string, text: string, caller: CaseworkCaller, noteId: string = randomUUID()): Promise<{ note: TaskNote; written: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const task = await findTask(manager, taskId);
      if (task === undefined) throw this.notFound(taskId);
      if (!mayWorkQueue(caller, task.queue)) throw this.forbidden(task);
      const result = await appendNote(manager, { noteId, taskId, author: caller.subject, text }, this.clock.now());
      if (!result.written && (result.note.taskId !== taskId || result.note.text !== text || result.note.author !== caller.subject)) {
        throw new CaseworkException('note-conflict', `note ${noteId} was already stored with other content`);
      }
      return result;
    });
  }

  /** Queue first (403 queue-forbidden), then, for completion by a coach or advocate, holding the task. */
  private checkMayChange(task: TaskView, caller: CaseworkCaller, request: TaskRequest): void {
    if (!mayWorkQueue(caller, task.queue)) throw this.forbidden(task);
    if (request.action === 'complete' && task.status === 'assigned' && !seesAllQueues(caller) && task.assignee !== caller.subject) {
      throw new CaseworkException('not-task-holder', `task ${task.taskId} is held by another user: only its holder or a supervisor completes it`);
    }
  }

  private forbidden(task: TaskView): CaseworkException {
    return new CaseworkException('queue-forbidden', `task ${task.taskId} is in queue ${task.queue}, which is not one of yours`);
  }

  private notFound(taskId: string): CaseworkException {
    return new CaseworkException('task-not-found', `no task ${taskId}`);
  }
}
