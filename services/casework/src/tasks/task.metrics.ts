import { Inject, Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import type { WorkBatchOutcome } from './use-cases/open-tasks/open-tasks.use-case';

/** Tasks created, skipped, cancelled, handed out and completed, counted once committed (labels carry no ids). */
@Injectable()
export class TaskMetrics {
  private readonly created: Counter<'kind' | 'priority'>;
  private readonly skipped: Counter<'reason'>;
  private readonly cancelled: Counter<'reason'>;
  private readonly assigned: Counter<'queue'>;
  private readonly completed: Counter<'outcome'>;

  constructor(@Inject(Registry) registry: Registry) {
    this.created = new Counter({
      name: 'casework_tasks_created_total',
      help: 'Tasks created from events, by kind and priority',
      labelNames: ['kind', 'priority'],
      registers: [registry],
    });
    this.skipped = new Counter({
      name: 'casework_tasks_skipped_total',
      help: 'Tasks not created: member opted out, or the cause already had a task',
      labelNames: ['reason'],
      registers: [registry],
    });
    this.cancelled = new Counter({
      name: 'casework_tasks_cancelled_total',
      help: 'Active tasks cancelled, by reason',
      labelNames: ['reason'],
      registers: [registry],
    });
    this.assigned = new Counter({
      name: 'casework_tasks_assigned_total',
      help: 'Tasks handed out by next, by queue',
      labelNames: ['queue'],
      registers: [registry],
    });
    this.completed = new Counter({
      name: 'casework_tasks_completed_total',
      help: 'Tasks completed, by outcome',
      labelNames: ['outcome'],
      registers: [registry],
    });
  }

  recordBatch(outcome: WorkBatchOutcome): void {
    for (const task of outcome.created) this.created.inc({ kind: task.kind, priority: task.priority });
    if (outcome.skippedOptedOut > 0) this.skipped.inc({ reason: 'opted-out' }, outcome.skippedOptedOut);
    if (outcome.duplicates > 0) this.skipped.inc({ reason: 'duplicate' }, outcome.duplicates);
    this.countCancelled(outcome.cancelled.map((item) => item.reason));
  }

  countCancelled(reasons: readonly string[]): void {
    for (const reason of reasons) this.cancelled.inc({ reason });
  }

  countAssigned(queue: string): void {
    this.assigned.inc({ queue });
  }

  countCompleted(outcome: string): void {
    this.completed.inc({ outcome });
  }
}
