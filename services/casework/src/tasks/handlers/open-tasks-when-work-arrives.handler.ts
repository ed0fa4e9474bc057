import {
  CareGapClosed,
  CareGapDetected,
  MemberEligibilityChanged,
  MemberIdentificationRetracted,
  MemberIdentified,
  ScreeningCompleted,
  ScreeningSafetySignal,
  CONSUMER_GROUPS,
  consumerOf,
} from '@care/contracts';
import { isEventOf, type EventConsumerDefinition, type ReceivedEvent } from '@care/messaging';
import type { Clock } from '@care/observability';
import type { BusinessCalendar, CalendarName } from '../../calendar/business-calendar';
import {
  planCancellation,
  planTask,
  type TaskCancellation,
  type TaskDuePolicy,
  type WorkCause,
} from '../planning/plan-task';
import type { TaskMetrics } from '../task.metrics';
import type { OpenTasksUseCase, WorkBatch } from '../use-cases/open-tasks/open-tasks.use-case';

/** The cause an event is, if it calls for outreach. */
function causeOf(event: ReceivedEvent): WorkCause | undefined {
  if (isEventOf(event, MemberIdentified.V1)) return { type: 'identification', data: event.envelope.data };
  if (isEventOf(event, CareGapDetected.V1)) return { type: 'gap', data: event.envelope.data };
  if (isEventOf(event, ScreeningCompleted.V1)) return { type: 'screening', data: event.envelope.data };
  if (isEventOf(event, ScreeningSafetySignal.V1)) return { type: 'safety-signal', data: event.envelope.data };
  return undefined;
}

/** The task an event ends, if any. */
function endOf(event: ReceivedEvent): TaskCancellation | undefined {
  if (isEventOf(event, MemberIdentificationRetracted.V1)) {
    return planCancellation({ type: 'identification-retracted', data: event.envelope.data });
  }
  if (isEventOf(event, CareGapClosed.V1))
    return planCancellation({ type: 'gap-closed', data: event.envelope.data });
  return undefined;
}

/**
 * Turns events into coach work, in one consumer group so one member's facts apply in order within a batch:
 * `member-identified` (welcome outreach), `care-gap-detected` (gap outreach), `screening-completed` (follow-up when
 * positive, urgent with the safety flag), `screening-safety-signal` (urgent follow-up of a PHQ-9 that could not be
 * scored), `member-eligibility-changed` (the roster: opt-outs; relationship and
 * subscriber for advocacy), `member-identification-retracted` and `care-gap-closed` (cancel the task of that cause).
 * Redelivered events are dropped by the inbox; a replay finds every cause's task already there.
 */
export function openTasksWhenWorkArrives(
  openTasks: OpenTasksUseCase,
  policy: TaskDuePolicy,
  calendars: Readonly<Record<CalendarName, BusinessCalendar>>,
  metrics: TaskMetrics,
  clock: Clock,
): EventConsumerDefinition {
  return {
    // the consumer group is <prefix><service>.<name>, declared in the catalog
    ...consumerOf(CONSUMER_GROUPS.caseworkTaskInputs),
    handle: async (events, context) => {
      const batch: WorkBatch = {
        roster: events.flatMap((event) =>
          isEventOf(event, MemberEligibilityChanged.V1)
            ? [{ member: event.envelope.data.member, asOf: event.envelope.occurredAt }]
            : [],
        ),
        plans: events.flatMap((event) => {
          const cause = causeOf(event);
          const plan = cause === undefined ? undefined : planTask(cause, policy, calendars);
          return plan === undefined ? [] : [{ ...plan, causeEventId: event.envelope.id }];
        }),
        ends: events.flatMap((event) => endOf(event) ?? []),
      };
      const outcome = await openTasks.execute(context.manager, batch, clock.now());
      context.afterCommit(() => metrics.recordBatch(outcome));
    },
  };
}
