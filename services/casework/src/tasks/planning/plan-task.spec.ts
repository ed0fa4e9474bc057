import type { CareGapDetectedPayload, MemberIdentifiedPayload, ScreeningCompletedPayload } from '@care/contracts';
import { standardCalendars } from '../../calendar/business-calendar';
import { planCancellation, planTask, type TaskDuePolicy } from './plan-task';

const POLICY: TaskDuePolicy = { urgentDueHours: 4, followUpDueHours: 12, welcomeDueHours: 24, gapDueHours: 36 };
const CALENDARS = standardCalendars([]);
const MONDAY_10_EST = '2026-11-23T15:00:00.000Z';

const identification = (change: Partial<MemberIdentifiedPayload> = {}): MemberIdentifiedPayload => ({
  identificationId: '0d8f7c1e-4b7a-4d59-9a55-3f1f1c8e2a01',
  memberId: 'M-1',
  conditionId: 'diabetes',
  conditionName: 'Diabetes',
  ruleId: 'diabetes',
  ruleVersion: 'ccw-2023.1',
  catalogVersion: 'conditions-2026.1',
  basis: 'claims',
  firstMetOn: '2026-11-01',
  identifiedAt: MONDAY_10_EST,
  trigger: 'claim',
  evidence: { qualifyingClaims: [], supportingFills: [], selfReported: [] },
  ...change,
});

const gap = (change: Partial<CareGapDetectedPayload> = {}): CareGapDetectedPayload => ({
  gapId: '6c0f2b8e-5a3d-4e1f-8b7c-9d0e1f2a3b4c',
  memberId: 'M-1',
  ruleId: 'diabetes-eye-exam',
  ruleVersion: '2026.1',
  gapName: 'Diabetes eye exam',
  kind: 'service',
  reason: 'no-service',
  openedOn: '2026-11-23',
  detectedAt: MONDAY_10_EST,
  evidenceClaimIds: [],
  ...change,
});

const screening = (change: Partial<ScreeningCompletedPayload> = {}): ScreeningCompletedPayload => ({
  screeningId: 'S-1',
  memberId: 'M-1',
  instrument: 'phq-9',
  instrumentVersion: '1.0.0',
  panelLoinc: '44249-1',
  totalLoinc: '44261-6',
  total: 12,
  severity: 'moderate',
  positive: true,
  positiveCutoff: 10,
  safetyFlag: false,
  priority: 'high',
  answers: [],
  completedAt: MONDAY_10_EST,
  source: 'coach',
  ...change,
});

describe('planning tasks from events', () => {
  it('plans a routine welcome outreach per identification, due in 24 coaching hours', () => {
    expect(planTask({ type: 'identification', data: identification() }, POLICY, CALENDARS)).toEqual({
      kind: 'welcome-outreach',
      causeId: '0d8f7c1e-4b7a-4d59-9a55-3f1f1c8e2a01',
      memberId: 'M-1',
      queue: 'coaching',
      priority: 'routine',
      dueAt: new Date('2026-11-25T15:00:00.000Z'), // Wednesday 10:00 (two 12-hour coaching days later)
      details: { conditionId: 'diabetes', conditionName: 'Diabetes', basis: 'claims' },
    });
  });

  it('plans a gap outreach keyed by the gap occurrence', () => {
    const plan = planTask({ type: 'gap', data: gap() }, POLICY, CALENDARS);
    expect(plan).toMatchObject({ kind: 'gap-outreach', causeId: gap().gapId, priority: 'routine' });
    expect(plan?.dueAt.toISOString()).toBe('2026-11-26T15:00:00.000Z'); // 36 coaching hours: Thursday 10:00 Eastern
  });

  it.each<[string, Partial<ScreeningCompletedPayload>, string | undefined, string | undefined]>([
    ['a positive PHQ-9 is a high follow-up due one coaching day later', {}, 'high', '2026-11-24T15:00:00.000Z'],
    ['the safety flag makes it urgent, due in 4 business hours', { safetyFlag: true, priority: 'urgent' }, 'urgent', '2026-11-23T19:00:00.000Z'],
    ['the safety flag below the cut-off is still urgent', { total: 3, severity: 'minimal', positive: false, safetyFlag: true }, 'urgent', '2026-11-23T19:00:00.000Z'],
    ['a negative screening calls for nothing', { total: 3, severity: 'minimal', positive: false }, undefined, undefined],
  ])('%s', (_case, change, priority, dueAt) => {
    const plan = planTask({ type: 'screening', data: screening(change) }, POLICY, CALENDARS);
    expect(plan?.priority).toBe(priority);
    expect(plan?.dueAt.toISOString()).toBe(dueAt);
  });

  it('dates an urgent follow-up of a Friday-night screening to Monday morning', () => {
    const plan = planTask(
      { type: 'screening', data: screening({ safetyFlag: true, completedAt: '2026-11-28T02:00:00.000Z' }) },
      POLICY,
      CALENDARS,
    );
    expect(plan?.dueAt.toISOString()).toBe('2026-11-30T18:00:00.000Z'); // Monday 13:00 Eastern
  });

  it('plans the same urgent follow-up for the safety signal of a PHQ-9 that could not be scored, due from when it was done', () => {
    const plan = planTask(
      {
        type: 'safety-signal',
        data: {
          screeningId: 'S-9',
          memberId: 'M-9',
          instrument: 'phq-9',
          reason: 'incomplete-screening',
          completedAt: '2026-11-28T02:00:00.000Z',
          receivedAt: '2026-11-30T15:00:00.000Z',
          source: 'coach',
        },
      },
      POLICY,
      CALENDARS,
    );
    expect(plan).toEqual({
      kind: 'screening-follow-up',
      causeId: 'S-9', // the screening id: the complete resend later finds this task and adds none
      memberId: 'M-9',
      queue: 'coaching',
      priority: 'urgent',
      dueAt: new Date('2026-11-30T18:00:00.000Z'), // as for the scored screening done at the same time
      details: { instrument: 'phq-9', safetyFlag: true, incomplete: true, reason: 'incomplete-screening' },
    });
    const received = planTask(
      {
        type: 'safety-signal',
        data: { screeningId: 'S-9', memberId: 'M-9', instrument: 'phq-9', reason: 'incomplete-screening', receivedAt: '2026-11-28T02:00:00.000Z', source: 'fhir' },
      },
      POLICY,
      CALENDARS,
    );
    expect(received?.dueAt.toISOString()).toBe('2026-11-30T18:00:00.000Z');
  });

  it.each([
    [{ type: 'identification-retracted', data: { identificationId: 'I-1', memberId: 'M-1' } }, 'welcome-outreach', 'identification-retracted'],
    [{ type: 'gap-closed', data: { gapId: 'G-1', memberId: 'M-1' } }, 'gap-outreach', 'gap-closed'],
  ] as const)('cancels the task of the cause an end names', (end, kind, reason) => {
    expect(planCancellation(end)).toMatchObject({ kind, reason, memberId: 'M-1' });
  });
});
