import type { Task } from '../types';
import { gapOpenReason } from './gap-reason';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** What kind of work a task is, in a coach's words. */
export const TASK_KIND_LABELS: Record<string, string> = {
  'welcome-outreach': 'Newly identified condition: welcome outreach',
  'gap-outreach': 'Care gap: outreach',
  'screening-follow-up': 'Positive screening: follow-up',
  'case-callback': 'Advocacy case: call back',
};

const INSTRUMENT_NAMES: Record<string, string> = { 'phq-9': 'PHQ-9', 'audit-c': 'AUDIT-C' };

/**
 * Why a task exists, in a few words, from the details casework planned it with (services/casework plan-task.ts and
 * the case intake): the condition identified, the gap found, the screening's instrument, total and self-harm answer,
 * or the case's service. Empty when the details say nothing the kind label does not. Shown only to users who may
 * read the member's tasks (the details are PHI).
 */
export function taskReason(task: Pick<Task, 'kind' | 'details'>): string {
  const details = task.details ?? {};
  switch (task.kind) {
    case 'welcome-outreach': {
      const condition = text(details['conditionName']) ?? text(details['conditionId']);
      return condition === undefined ? '' : `identified: ${condition}`;
    }
    case 'gap-outreach': {
      const gap = text(details['gapName']) ?? text(details['ruleId']);
      const why = text(details['reason']);
      return gap === undefined ? '' : `gap: ${gap}${why === undefined ? '' : ` (${gapOpenReason(why)})`}`;
    }
    case 'screening-follow-up': {
      const instrumentId = text(details['instrument']);
      const instrument =
        instrumentId === undefined ? 'screening' : (INSTRUMENT_NAMES[instrumentId] ?? instrumentId);
      const parts: string[] = [];
      if (details['incomplete'] === true) parts.push('not complete');
      if (typeof details['total'] === 'number') parts.push(`total ${details['total']}`);
      const severity = text(details['severity']);
      if (severity !== undefined) parts.push(severity);
      if (details['positive'] === true) parts.push('positive');
      if (details['safetyFlag'] === true) parts.push('self-harm answer');
      return `${instrument}${parts.length === 0 ? '' : `: ${parts.join(', ')}`}`;
    }
    case 'case-callback': {
      const category = text(details['category']);
      const service = text(details['serviceId']);
      const what = [category, service].filter((part) => part !== undefined).join(', ');
      return what === '' ? '' : `case: ${what}`;
    }
    default:
      return '';
  }
}

/** The kind's label and, after a dash, the reason: "Care gap: outreach — gap: HbA1c testing". */
export function describeTask(task: Pick<Task, 'kind' | 'details'>): string {
  const label = TASK_KIND_LABELS[task.kind] ?? task.kind;
  const reason = taskReason(task);
  return reason === '' ? label : `${label} — ${reason}`;
}
