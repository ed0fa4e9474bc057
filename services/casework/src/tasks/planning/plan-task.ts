import type {
  CareGapDetectedPayload,
  MemberIdentifiedPayload,
  ScreeningCompletedPayload,
  ScreeningSafetySignalPayload,
} from '@care/contracts';
import { addBusinessHours, type BusinessCalendar, type CalendarName } from '../../calendar/business-calendar';
import type { CancelReason, QueueName, TaskKind, TaskPriority } from '../task.model';

/** A fact that calls for outreach. */
export type WorkCause =
  | { readonly type: 'identification'; readonly data: MemberIdentifiedPayload }
  | { readonly type: 'gap'; readonly data: CareGapDetectedPayload }
  | { readonly type: 'screening'; readonly data: ScreeningCompletedPayload }
  | { readonly type: 'safety-signal'; readonly data: ScreeningSafetySignalPayload };

/** A fact that ends the outreach it caused. */
export type WorkEnd =
  | { readonly type: 'identification-retracted'; readonly data: { identificationId: string; memberId: string } }
  | { readonly type: 'gap-closed'; readonly data: { gapId: string; memberId: string } };

/** Business hours each kind of task is due in, on its queue's calendar. */
export interface TaskDuePolicy {
  readonly urgentDueHours: number;
  readonly followUpDueHours: number;
  readonly welcomeDueHours: number;
  readonly gapDueHours: number;
}

/** A task to create (unless its cause already has one, or the member opted out). */
export interface TaskPlan {
  readonly kind: TaskKind;
  readonly causeId: string;
  readonly memberId: string;
  readonly queue: QueueName;
  readonly priority: TaskPriority;
  readonly dueAt: Date;
  /** Clinical context for the coach; PHI, never logged. */
  readonly details: Record<string, unknown>;
}

/** A task to cancel, identified by its cause. */
export interface TaskCancellation {
  readonly kind: TaskKind;
  readonly causeId: string;
  readonly memberId: string;
  readonly reason: CancelReason;
}

/** The calendar each queue's due times are counted on. */
export const QUEUE_CALENDAR: Readonly<Record<QueueName, CalendarName>> = {
  coaching: 'coaching',
  advocacy: 'advocacy',
  // The plan's own team: no hours of its own are known, so it is held to the advocates' (the stricter) calendar.
  'health-plan': 'advocacy',
};

/**
 * The task a fact calls for, due a number of business hours after the fact itself (not after casework saw it, so a
 * replay plans the same due time): welcome outreach for an identification, gap outreach for a gap, and a follow-up
 * for a screening that is positive (high) or carries the safety flag (urgent, due in hours, whatever the total), and
 * the same urgent follow-up for the safety signal of a PHQ-9 that could not be scored (same cause: the screening id,
 * so the complete screening sent later adds no second task).
 * Undefined when the fact calls for nothing (a negative screening without the safety flag).
 */
export function planTask(
  cause: WorkCause,
  policy: TaskDuePolicy,
  calendars: Readonly<Record<CalendarName, BusinessCalendar>>,
): TaskPlan | undefined {
  const queue: QueueName = 'coaching';
  const due = (from: string, hours: number): Date => addBusinessHours(calendars[QUEUE_CALENDAR[queue]], new Date(from), hours);
  switch (cause.type) {
    case 'identification': {
      const { data } = cause;
      return {
        kind: 'welcome-outreach',
        causeId: data.identificationId,
        memberId: data.memberId,
        queue,
        priority: 'routine',
        dueAt: due(data.identifiedAt, policy.welcomeDueHours),
        details: { conditionId: data.conditionId, conditionName: data.conditionName, basis: data.basis },
      };
    }
    case 'gap': {
      const { data } = cause;
      return {
        kind: 'gap-outreach',
        causeId: data.gapId,
        memberId: data.memberId,
        queue,
        priority: 'routine',
        dueAt: due(data.detectedAt, policy.gapDueHours),
        details: { ruleId: data.ruleId, gapName: data.gapName, gapKind: data.kind, reason: data.reason },
      };
    }
    case 'screening': {
      const { data } = cause;
      if (!data.safetyFlag && !data.positive) return undefined;
      const urgent = data.safetyFlag;
      return {
        kind: 'screening-follow-up',
        causeId: data.screeningId,
        memberId: data.memberId,
        queue,
        priority: urgent ? 'urgent' : 'high',
        dueAt: due(data.completedAt, urgent ? policy.urgentDueHours : policy.followUpDueHours),
        details: {
          instrument: data.instrument,
          total: data.total,
          positive: data.positive,
          safetyFlag: data.safetyFlag,
          ...(data.severity === undefined ? {} : { severity: data.severity }),
        },
      };
    }
    case 'safety-signal': {
      const { data } = cause;
      // Due from when the screening was done when known: the risk is as old as the answer.
      const from = data.completedAt !== undefined && data.completedAt < data.receivedAt ? data.completedAt : data.receivedAt;
      return {
        kind: 'screening-follow-up',
        causeId: data.screeningId,
        memberId: data.memberId,
        queue,
        priority: 'urgent',
        dueAt: due(from, policy.urgentDueHours),
        details: { instrument: data.instrument, safetyFlag: true, incomplete: true, reason: data.reason },
      };
    }
  }
}

/** The task a fact ends: the welcome outreach of a retracted identification, the outreach of a closed gap. */
export function planCancellation(end: WorkEnd): TaskCancellation {
  switch (end.type) {
    case 'identification-retracted':
      return {
        kind: 'welcome-outreach',
        causeId: end.data.identificationId,
        memberId: end.data.memberId,
        reason: 'identification-retracted',
      };
    case 'gap-closed':
      return { kind: 'gap-outreach', causeId: end.data.gapId, memberId: end.data.memberId, reason: 'gap-closed' };
  }
}
