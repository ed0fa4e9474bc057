import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@care/observability';
import { DataSource } from 'typeorm';
import { QUEUES, type QueueName, type TaskPriority } from '../task.model';

/** One queue's state for a supervisor. Ages are seconds; a breach is an active task past its due time. */
export interface QueueStats {
  readonly queue: QueueName;
  /** Tasks waiting to be handed out (open, or snoozed), by priority and in all. */
  readonly depth: number;
  readonly depthByPriority: Readonly<Record<TaskPriority, number>>;
  /** Of those, the ones `next` can hand out now (snoozes over). */
  readonly available: number;
  readonly assigned: number;
  /** Age of the oldest waiting task, or null when none waits. */
  readonly oldestWaitingSeconds: number | null;
  /** Active (open, assigned, snoozed) tasks past their due time. */
  readonly slaBreaches: number;
}

export interface CoachStats {
  readonly coach: string;
  readonly queue: QueueName;
  readonly assigned: number;
  readonly slaBreaches: number;
  /** How long the coach has held their longest-held task. */
  readonly oldestAssignedSeconds: number;
}

/** One of a worker's queues: what waits, what is late, and the earliest due time among the waiting tasks. */
export interface WorkerQueueStats extends QueueStats {
  /** Earliest due time of a waiting task (ISO-8601), or null when none waits. */
  readonly oldestDueAt: string | null;
}

/** A coach's or advocate's queues (supervisors: every queue) and how many tasks the caller holds. */
export interface WorkerQueuesView {
  readonly asOf: string;
  readonly queues: readonly WorkerQueueStats[];
  readonly heldByCaller: number;
}

export interface QueueStatsView {
  readonly asOf: string;
  readonly queues: readonly WorkerQueueStats[];
  readonly coaches: readonly CoachStats[];
}

interface QueueRow {
  queue: QueueName;
  depth: number;
  urgent: number;
  high: number;
  routine: number;
  available: number;
  assigned: number;
  oldest_waiting_seconds: number | null;
  breaches: number;
}

interface CoachRow {
  assignee: string;
  queue: QueueName;
  assigned: number;
  breaches: number;
  oldest_assigned_seconds: number;
}

/** The supervisor view: depth, age and SLA breaches per queue and per coach, from active tasks only. */
@Injectable()
export class QueueStatsQuery {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The stats of the given queues for one worker, with the number of tasks `assignee` holds. Counts only. */
  async ofQueues(queues: readonly QueueName[], assignee: string): Promise<WorkerQueuesView> {
    const now = this.clock.now();
    const [held] = await this.dataSource.manager.query<Array<{ held: number }>>(
      "SELECT count(*)::int AS held FROM tasks WHERE assignee = $1 AND status = 'assigned'",
      [assignee],
    );
    return { asOf: now.toISOString(), queues: await this.queueCounts(queues, now), heldByCaller: held?.held ?? 0 };
  }

  async stats(): Promise<QueueStatsView> {
    const now = this.clock.now();
    const manager = this.dataSource.manager;
    const queues = await this.queueCounts(QUEUES, now);
    const coachRows = await manager.query<CoachRow[]>(
      `SELECT assignee, queue, count(*)::int AS assigned, count(*) FILTER (WHERE due_at < $1)::int AS breaches,
              floor(EXTRACT(EPOCH FROM ($1::timestamptz - min(assigned_at))))::float8 AS oldest_assigned_seconds
         FROM tasks WHERE status = 'assigned'
        GROUP BY assignee, queue ORDER BY assignee, queue`,
      [now],
    );
    return {
      asOf: now.toISOString(),
      queues,
      coaches: coachRows.map((row) => ({
        coach: row.assignee,
        queue: row.queue,
        assigned: row.assigned,
        slaBreaches: row.breaches,
        oldestAssignedSeconds: row.oldest_assigned_seconds,
      })),
    };
  }

  /** Depth by priority, available, assigned, oldest waiting, earliest due and breaches of each of `queues`. */
  private async queueCounts(queues: readonly QueueName[], now: Date): Promise<WorkerQueueStats[]> {
    const rows = await this.dataSource.manager.query<Array<QueueRow & { oldest_due_at: Date | null }>>(
      `SELECT queue,
              count(*) FILTER (WHERE status <> 'assigned')::int AS depth,
              count(*) FILTER (WHERE status <> 'assigned' AND priority = 'urgent')::int AS urgent,
              count(*) FILTER (WHERE status <> 'assigned' AND priority = 'high')::int AS high,
              count(*) FILTER (WHERE status <> 'assigned' AND priority = 'routine')::int AS routine,
              count(*) FILTER (WHERE status <> 'assigned' AND available_at <= $1)::int AS available,
              count(*) FILTER (WHERE status = 'assigned')::int AS assigned,
              floor(EXTRACT(EPOCH FROM ($1::timestamptz - min(created_at) FILTER (WHERE status <> 'assigned'))))::float8
                AS oldest_waiting_seconds,
              min(due_at) FILTER (WHERE status <> 'assigned') AS oldest_due_at,
              count(*) FILTER (WHERE due_at < $1)::int AS breaches
         FROM tasks WHERE status IN ('open', 'assigned', 'snoozed') AND queue = ANY($2::text[])
        GROUP BY queue`,
      [now, queues],
    );
    const byQueue = new Map(rows.map((row) => [row.queue, row]));
    return queues.map((queue) => {
      const row = byQueue.get(queue);
      return {
        queue,
        depth: row?.depth ?? 0,
        depthByPriority: { urgent: row?.urgent ?? 0, high: row?.high ?? 0, routine: row?.routine ?? 0 },
        available: row?.available ?? 0,
        assigned: row?.assigned ?? 0,
        oldestWaitingSeconds: row?.oldest_waiting_seconds ?? null,
        oldestDueAt: row?.oldest_due_at ? row.oldest_due_at.toISOString() : null,
        slaBreaches: row?.breaches ?? 0,
      };
    });
  }
}
