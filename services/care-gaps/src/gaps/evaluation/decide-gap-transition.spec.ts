import type { GapEvaluation } from '@care/clinical';
import { decideGapTransition } from './decide-gap-transition';

const evaluation = (overrides: Partial<GapEvaluation>): GapEvaluation => ({
  ruleId: 'diabetes-hba1c-testing',
  ruleVersion: 'gaps-2026.1',
  eligible: true,
  excluded: false,
  open: false,
  reason: 'closed',
  closingClaimIds: [],
  evidenceClaimIds: [],
  exclusionClaimIds: [],
  ...overrides,
});

describe('decideGapTransition', () => {
  it.each<[string, boolean, Partial<GapEvaluation>, ReturnType<typeof decideGapTransition>]>([
    ['open, no gap yet: a new occurrence', false, { open: true, reason: 'no-service' }, { action: 'open' }],
    ['open, gap already open: nothing', true, { open: true, reason: 'no-service' }, { action: 'none' }],
    ['closed by a claim', true, { open: false, reason: 'closed' }, { action: 'close', reason: 'satisfied' }],
    ['excluded', true, { excluded: true, reason: 'excluded' }, { action: 'close', reason: 'excluded' }],
    [
      'no longer eligible',
      true,
      { eligible: false, reason: 'not-eligible' },
      { action: 'close', reason: 'no-longer-eligible' },
    ],
    ['not open and no gap: nothing', false, { open: false }, { action: 'none' }],
    ['excluded and no gap: nothing', false, { excluded: true, reason: 'excluded' }, { action: 'none' }],
  ])('%s', (_name, hasOpenGap, overrides, expected) => {
    expect(decideGapTransition(hasOpenGap, evaluation(overrides))).toEqual(expected);
  });
});
