import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import { OpenTasksUseCase } from '../src/tasks/use-cases/open-tasks/open-tasks.use-case';
import type { TaskPlan } from '../src/tasks/planning/plan-task';
import type { TaskPriority, TaskView } from '../src/tasks/task.model';
import { startCasework, type RunningCasework } from './support/casework-app';

const TASKS = 1000;
const COACHES = 20;
const PRIORITIES: readonly TaskPriority[] = ['urgent', 'high', 'routine'];

/**
 * `POST /v1/queues/{queue}/next` under contention, on the real PostgreSQL: 20 coaches call at once, each in a loop
 * until the queue is empty. Every task must be handed out exactly once and none lost.
 */
describe('casework queue under concurrent coaches', () => {
  let environment: TestEnvironment;
  let service: RunningCasework;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    service = await startCasework(environment, {}, { DB_POOL_SIZE: '24' });
  });

  afterAll(async () => {
    await service.close();
    await environment.dispose();
  });

  it(`hands each of ${TASKS} tasks to exactly one of ${COACHES} coaches calling at once, in priority order per coach`, async () => {
    // Seeded through the use case the consumer runs, in one transaction (the broker path is covered elsewhere).
    const base = Date.parse('2026-11-23T15:00:00.000Z');
    const plans: TaskPlan[] = Array.from({ length: TASKS }, (_, index) => ({
      kind: 'gap-outreach',
      causeId: `GAP-${String(index).padStart(4, '0')}`,
      memberId: `M-CC-${String(index % 250)}`,
      queue: 'coaching',
      priority: PRIORITIES[index % PRIORITIES.length] ?? 'routine',
      dueAt: new Date(base + (index % 97) * 60_000),
      details: {},
    }));
    const seededAt = Date.now();
    const outcome = await service.dataSource.transaction((manager) =>
      service.app.get(OpenTasksUseCase).execute(manager, { roster: [], plans, ends: [] }, new Date()),
    );
    expect(outcome.created).toHaveLength(TASKS);
    const seedMs = Date.now() - seededAt;

    const startedAt = Date.now();
    const handedOut = await Promise.all(
      Array.from({ length: COACHES }, async (_, index) => {
        const coach = service.as(`coach-${String(index)}`);
        const taken: TaskView[] = [];
        for (;;) {
          const response = await coach.post<TaskView>('/v1/queues/coaching/next');
          if (response.status === 204) return taken;
          expect(response.status).toBe(200);
          taken.push(response.body);
        }
      }),
    );
    const drainMs = Date.now() - startedAt;

    const all = handedOut.flat();
    expect(all).toHaveLength(TASKS);
    expect(new Set(all.map((task) => task.taskId)).size).toBe(TASKS);
    expect(new Set(all.map((task) => task.causeId)).size).toBe(TASKS);
    handedOut.forEach((taken, index) => {
      expect(taken.every((task) => task.assignee === `coach-${String(index)}`)).toBe(true);
      // each coach's own sequence never goes back to a more urgent priority: the queue was served in order
      const ranks = taken.map((task) => PRIORITIES.indexOf(task.priority));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    });

    const [counts] = await service.dataSource.query<Array<{ assigned: number; waiting: number; assignments: number }>>(
      `SELECT count(*) FILTER (WHERE status = 'assigned')::int AS assigned,
              count(*) FILTER (WHERE status IN ('open', 'snoozed'))::int AS waiting,
              (SELECT count(*)::int FROM task_history WHERE action = 'assigned') AS assignments
         FROM tasks`,
    );
    expect(counts).toEqual({ assigned: TASKS, waiting: 0, assignments: TASKS });
    const perCoach = handedOut.map((taken) => taken.length);
    process.stdout.write(
      `casework next: seeded ${String(TASKS)} tasks in ${String(seedMs)} ms; ${String(COACHES)} coaches drained them in ` +
        `${String(drainMs)} ms (${String(Math.round((TASKS / drainMs) * 1000))} tasks/s); per coach min ` +
        `${String(Math.min(...perCoach))}, max ${String(Math.max(...perCoach))}\n`,
    );
  });
});
