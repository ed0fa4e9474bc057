import type { BusinessCalendar, CalendarName } from '../calendar/business-calendar';
import type { TaskDuePolicy } from '../tasks/planning/plan-task';

/** The service's rules from its settings: the care program, the calendars and the due times. */
export interface CaseworkPolicy {
  /** The program whose opt-outs and declines stop outreach, and which outreach outcomes enroll in. */
  readonly careProgramId: string;
  readonly calendars: Readonly<Record<CalendarName, BusinessCalendar>>;
  readonly due: TaskDuePolicy;
}

/** Nest injection token of the {@link CaseworkPolicy}. */
export const CASEWORK_POLICY = Symbol('casework.policy');
