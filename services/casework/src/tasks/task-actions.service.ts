import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MessagingRuntime, stageEvents } from '@care/messaging';
import { CLOCK, type Clock } from '@care/observability';
import { DataSource } from 'typeorm';
import { ChangeEnrollmentUseCase } from '../enrollment/use-cases/change-enrollment/change-enrollment.use-case';
import { CASEWORK_POLICY, type CaseworkPolicy } from '../shared/casework-policy';
import { CaseworkException } from '../shared/casework.exception';
import { lockMembers } from '../shared/lock-members.util';
import { appendNote, loadNotes, type TaskNote } from './persistence/task-note.repository';
import {
  applyTaskChange,
  assignNext,
  findTask,
  loadHistory,
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
  ) {}

  /** The most urgent available task of the queue, now assigned to the caller; undefined when none is waiting. */
  async next(queue: QueueName, caller: string): Promise<TaskView | undefined> {
    const task = await assignNext(this.dataSource.manager, queue, caller, this.clock.now());
    if (task !== undefined) this.metrics.countAssigned(queue);
    return task;
  }

  async get(taskId: string): Promise<TaskDetail> {
    const manager = this.dataSource.manager;
    const task = await findTask(manager, taskId);
    if (task === undefined) throw this.notFound(taskId);
    return { ...task, notes: await loadNotes(manager, taskId), history: await loadHistory(manager, taskId) };
  }

  /** Applies a request; a repeat answers the task as it is. */
  async change(taskId: string, request: TaskRequest, caller: string): Promise<TaskView> {
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
      const decision = decideTaskChange(current, request, now);
      if (decision.kind === 'reject') throw new CaseworkException(decision.code, decision.message);
      if (decision.kind === 'repeat') return current;
      const changed = await applyTaskChange(manager, taskId, decision.change, caller, now);
      applied = true;
      const status = decision.change.action === 'completed' ? ENROLLMENT_OF_OUTCOME[decision.change.outcome] : undefined;
      if (status !== undefined) {
        const outcome = await this.changeEnrollment.execute(
          manager,
          { memberId: changed.memberId, programId: this.policy.careProgramId, status, source: 'outreach', actor: caller },
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
  async addNote(taskId: string, text: string, caller: string, noteId: string = randomUUID()): Promise<{ note: TaskNote; written: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      if ((await findTask(manager, taskId)) === undefined) throw this.notFound(taskId);
      const result = await appendNote(manager, { noteId, taskId, author: caller, text }, this.clock.now());
      if (!result.written && (result.note.taskId !== taskId || result.note.text !== text || result.note.author !== caller)) {
        throw new CaseworkException('note-conflict', `note ${noteId} was already stored with other content`);
      }
      return result;
    });
  }

  private notFound(taskId: string): CaseworkException {
    return new CaseworkException('task-not-found', `no task ${taskId}`);
  }
}
