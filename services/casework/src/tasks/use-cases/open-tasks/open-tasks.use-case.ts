import type { MemberRecord } from '@care/contracts';
import type { EntityManager } from 'typeorm';
import { membersWithoutOutreach, saveCaseMembers } from '../../../members/case-member.repository';
import { lockMembers } from '../../../shared/lock-members.util';
import { cancelByCause, cancelOutreachOf, insertTasks } from '../../persistence/task.repository';
import type { TaskCancellation, TaskPlan } from '../../planning/plan-task';
import type { CancelReason, TaskKind, TaskPriority } from '../../task.model';

/** What one batch of events asks of the queues. */
export interface WorkBatch {
  /** Roster snapshots, with the instant each is as of. */
  readonly roster: ReadonlyArray<{ readonly member: MemberRecord; readonly asOf: string }>;
  /** Tasks the events call for, with the id of the event that caused each. */
  readonly plans: ReadonlyArray<TaskPlan & { readonly causeEventId?: string }>;
  /** Tasks the events end. */
  readonly ends: readonly TaskCancellation[];
}

export interface WorkBatchOutcome {
  readonly created: ReadonlyArray<{ kind: TaskKind; priority: TaskPriority }>;
  /** Plans not turned into tasks because the member gets no outreach. */
  readonly skippedOptedOut: number;
  /** Plans whose cause already had a task (redelivery, replay, or ended before it arrived). */
  readonly duplicates: number;
  readonly cancelled: ReadonlyArray<{ reason: CancelReason }>;
}

const keyOf = (item: { kind: TaskKind; causeId: string }): string => `${item.kind}:${item.causeId}`;

/**
 * Applies a batch inside the caller's transaction, its members locked: roster facts first (so a batch holding an
 * opt-out and a new cause for the same member creates nothing), then the new tasks (one per cause; none for members
 * who opted out of care management or out of, or declined, the care program, except urgent safety follow-ups;
 * none at all for members recorded as deceased),
 * then cancellations by cause, then the outreach of members the roster now shows opted out (every task of those it
 * shows deceased).
 */
export class OpenTasksUseCase {
  constructor(private readonly careProgramId: string) {}

  async execute(manager: EntityManager, batch: WorkBatch, now: Date): Promise<WorkBatchOutcome> {
    await lockMembers(manager, [
      ...batch.roster.map((item) => item.member.memberId),
      ...batch.plans.map((plan) => plan.memberId),
      ...batch.ends.map((end) => end.memberId),
    ]);
    const roster = await saveCaseMembers(manager, batch.roster);

    const plans = [...new Map(batch.plans.map((plan) => [keyOf(plan), plan])).values()];
    const excluded = await membersWithoutOutreach(
      manager,
      plans.map((plan) => plan.memberId),
      this.careProgramId,
    );
    const allowed = plans.filter(
      (plan) => !excluded.deceased.has(plan.memberId) && (plan.priority === 'urgent' || !excluded.blocked.has(plan.memberId)),
    );
    const created = await insertTasks(manager, allowed, now);

    const ends = [...new Map(batch.ends.map((end) => [keyOf(end), end])).values()];
    const cancelled = await cancelByCause(manager, ends, now);
    const optedOut = await cancelOutreachOf(manager, roster.optedOut, 'opted-out', now);
    const died = await cancelOutreachOf(manager, roster.deceased, 'deceased', now);
    return {
      created,
      skippedOptedOut: plans.length - allowed.length,
      duplicates: allowed.length - created.length,
      cancelled: [
        ...cancelled,
        ...optedOut.map(() => ({ reason: 'opted-out' as const })),
        ...died.map(() => ({ reason: 'deceased' as const })),
      ],
    };
  }
}
