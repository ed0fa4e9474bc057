import type { TaskView } from '../../task.model';
import { decideTaskChange, type TaskRequest } from './decide-task-change';

const NOW = new Date('2026-11-23T15:00:00.000Z');
const task = (change: Partial<TaskView> = {}): TaskView => ({
  taskId: '4f1c2a3b-0000-4000-8000-000000000001',
  kind: 'gap-outreach',
  causeId: 'G-1',
  memberId: 'M-1',
  queue: 'coaching',
  priority: 'routine',
  dueAt: '2026-11-25T15:00:00.000Z',
  status: 'assigned',
  assignee: 'coach-1',
  assignedAt: NOW.toISOString(),
  availableAt: NOW.toISOString(),
  snoozeReason: null,
  outcome: null,
  cancelReason: null,
  details: {},
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  closedAt: null,
  ...change,
});
const inHours = (hours: number): Date => new Date(NOW.getTime() + hours * 3_600_000);

describe('task life cycle', () => {
  it.each<[string, Partial<TaskView>, TaskRequest, string]>([
    ['an assigned task completes', {}, { action: 'complete', outcome: 'enrolled' }, 'apply'],
    ['an open task cannot complete before someone takes it', { status: 'open', assignee: null }, { action: 'complete', outcome: 'declined' }, 'task-not-assigned'],
    ['a snoozed task cannot complete', { status: 'snoozed', assignee: null }, { action: 'complete', outcome: 'referred' }, 'task-not-assigned'],
    ['completing again with the same outcome is a repeat', { status: 'completed', outcome: 'enrolled' }, { action: 'complete', outcome: 'enrolled' }, 'repeat'],
    ['completing again with another outcome conflicts', { status: 'completed', outcome: 'enrolled' }, { action: 'complete', outcome: 'declined' }, 'outcome-conflict'],
    ['a cancelled task cannot complete', { status: 'cancelled', assignee: null }, { action: 'complete', outcome: 'enrolled' }, 'task-closed'],
    ['an open task can be assigned to a coach', { status: 'open', assignee: null }, { action: 'reassign', assignee: 'coach-2' }, 'apply'],
    ['reassigning to the holder is a repeat', {}, { action: 'reassign', assignee: 'coach-1' }, 'repeat'],
    ['a completed task cannot be reassigned', { status: 'completed', outcome: 'referred' }, { action: 'reassign', assignee: 'coach-2' }, 'task-closed'],
    ['an assigned task snoozes until tomorrow', {}, { action: 'snooze', until: inHours(20), reason: 'asked to call back' }, 'apply'],
    ['a snooze into the past is refused', {}, { action: 'snooze', until: inHours(-1), reason: 'x' }, 'snooze-out-of-range'],
    ['a snooze beyond 30 days is refused', {}, { action: 'snooze', until: inHours(24 * 31), reason: 'x' }, 'snooze-out-of-range'],
    ['a case callback completes as contacted', { kind: 'case-callback', queue: 'advocacy' }, { action: 'complete', outcome: 'contacted' }, 'apply'],
    ['a case callback is not an enrollment answer', { kind: 'case-callback', queue: 'advocacy' }, { action: 'complete', outcome: 'enrolled' }, 'outcome-not-applicable'],
    ['outreach is not completed as contacted', {}, { action: 'complete', outcome: 'contacted' }, 'outcome-not-applicable'],
    ['a cancelled task cannot snooze', { status: 'cancelled', assignee: null }, { action: 'snooze', until: inHours(2), reason: 'x' }, 'task-closed'],
  ])('%s', (_case, change, request, expected) => {
    const decision = decideTaskChange(task(change), request, NOW);
    expect(decision.kind === 'reject' ? decision.code : decision.kind).toBe(expected);
  });
});
