import type { ConditionEvaluation } from '@care/clinical';
import type { IdentificationTrigger, RetractionReason } from '@care/contracts';
import type { ConditionState } from './condition-state.repository';
import { decideTransition, retractionReasonOf, type TransitionInput } from './decide-transition';

const MEMBER = 'M0000001';
const RULE_VERSION = 'ccw-2024.1';
const OLD_RULE_VERSION = 'ccw-2023.1';
const NEW_ID = '11111111-1111-4111-8111-111111111111';
const OLD_ID = '22222222-2222-4222-8222-222222222222';

/** An evaluation written out by hand; defaults to "not met, nothing found". */
const anEvaluation = (overrides: Partial<ConditionEvaluation> = {}): ConditionEvaluation => ({
  ruleId: 'diabetes',
  ruleVersion: RULE_VERSION,
  met: false,
  basis: null,
  reason: 'insufficient-evidence',
  qualifyingClaimIds: [],
  firstMetOn: null,
  excluded: false,
  exclusionClaimIds: [],
  supporting: { pharmacyClaimIds: [], selfReportedAssessmentIds: [] },
  ...overrides,
});

const MET = anEvaluation({
  met: true,
  basis: 'claims',
  reason: 'single-setting-claim',
  qualifyingClaimIds: ['CLM-1'],
  firstMetOn: '2025-01-15',
});
const NOT_MET = anEvaluation();
const EXCLUDED = anEvaluation({ reason: 'excluded', excluded: true, exclusionClaimIds: ['CLM-X'] });

const aState = (overrides: Partial<ConditionState> = {}): ConditionState => ({
  memberId: MEMBER,
  conditionId: 'diabetes',
  status: 'identified',
  ruleVersion: RULE_VERSION,
  identificationId: OLD_ID,
  reviewOn: '2026-01-16',
  ...overrides,
});

const anInput = (overrides: Partial<TransitionInput> = {}): TransitionInput => ({
  memberId: MEMBER,
  ruleVersion: RULE_VERSION,
  current: undefined,
  evaluation: NOT_MET,
  reviewOn: '2026-01-16',
  trigger: 'claim',
  followsVoid: false,
  newIdentificationId: NEW_ID,
  ...overrides,
});

describe('retractionReasonOf', () => {
  it.each<[string, ConditionEvaluation, IdentificationTrigger, boolean, RetractionReason]>([
    ['an exclusion after a claim', EXCLUDED, 'claim', false, 'excluded'],
    ['an exclusion wins over a void', EXCLUDED, 'claim', true, 'excluded'],
    ['an exclusion wins over ageing out', EXCLUDED, 'reevaluation', false, 'excluded'],
    ['an exclusion wins over a rule change', EXCLUDED, 'rerun', false, 'excluded'],
    ['an exclusion after an assessment', EXCLUDED, 'assessment', false, 'excluded'],
    ['daily re-evaluation', NOT_MET, 'reevaluation', false, 'evidence-aged-out'],
    ['daily re-evaluation (followsVoid ignored)', NOT_MET, 'reevaluation', true, 'evidence-aged-out'],
    ['a re-run under a new rule version', NOT_MET, 'rerun', false, 'rule-changed'],
    ['a re-run (followsVoid ignored)', NOT_MET, 'rerun', true, 'rule-changed'],
    ['a claim that voided evidence', NOT_MET, 'claim', true, 'evidence-voided'],
    ['a claim that replaced evidence', NOT_MET, 'claim', false, 'evidence-replaced'],
    ['an assessment after a void', NOT_MET, 'assessment', true, 'evidence-voided'],
    ['an assessment without a void', NOT_MET, 'assessment', false, 'evidence-replaced'],
  ])('%s → %s', (_name, evaluation, trigger, followsVoid, expected) => {
    expect(retractionReasonOf(evaluation, trigger, followsVoid)).toBe(expected);
  });
});

describe('decideTransition', () => {
  describe('when the rule is met', () => {
    it.each<[string, ConditionState | undefined]>([
      ['never identified (no state)', undefined],
      ['retracted earlier (not-met, old id kept)', aState({ status: 'not-met', reviewOn: null })],
      ['excluded earlier', aState({ status: 'excluded', identificationId: null })],
    ])('identifies a member %s with a new identification id', (_name, current) => {
      expect(decideTransition(anInput({ current, evaluation: MET, reviewOn: '2027-01-16' }))).toStrictEqual({
        action: 'identify',
        nextState: {
          memberId: MEMBER,
          conditionId: 'diabetes',
          status: 'identified',
          ruleVersion: RULE_VERSION,
          identificationId: NEW_ID,
          reviewOn: '2027-01-16',
        },
      });
    });

    it('takes the condition id from the evaluated rule', () => {
      const evaluation = { ...MET, ruleId: 'hypertension' };
      const decision = decideTransition(anInput({ evaluation }));
      expect(decision.action).toBe('identify');
      expect(decision.nextState?.conditionId).toBe('hypertension');
    });

    it('identifies with no review day when no evidence can leave its period', () => {
      expect(decideTransition(anInput({ evaluation: MET, reviewOn: null })).nextState?.reviewOn).toBeNull();
    });

    it('changes nothing for a member already identified with the same version and review day', () => {
      const current = aState();
      expect(decideTransition(anInput({ current, evaluation: MET, reviewOn: '2026-01-16' }))).toStrictEqual({
        action: 'none',
        nextState: null,
      });
    });

    it.each<[string, Partial<TransitionInput>, ConditionState]>([
      [
        'a later review day',
        { reviewOn: '2026-03-01' },
        aState({ reviewOn: '2026-03-01' }),
      ],
      [
        'no review day any more',
        { reviewOn: null },
        aState({ reviewOn: null }),
      ],
      [
        'a new rule version',
        { ruleVersion: 'ccw-2025.1' },
        aState({ ruleVersion: 'ccw-2025.1' }),
      ],
      [
        'both a new rule version and a new review day',
        { ruleVersion: 'ccw-2025.1', reviewOn: '2026-02-02' },
        aState({ ruleVersion: 'ccw-2025.1', reviewOn: '2026-02-02' }),
      ],
    ])('keeps an identified member identified (same id, no event) and stores %s', (_name, change, expected) => {
      const current = aState({ ruleVersion: RULE_VERSION, reviewOn: '2026-01-16' });
      expect(decideTransition(anInput({ current, evaluation: MET, ...change }))).toStrictEqual({
        action: 'none',
        nextState: expected,
      });
    });

    it('stores a review day where an identified state had none', () => {
      const current = aState({ reviewOn: null });
      expect(decideTransition(anInput({ current, evaluation: MET, reviewOn: '2026-01-16' }))).toStrictEqual({
        action: 'none',
        nextState: aState({ reviewOn: '2026-01-16' }),
      });
    });
  });

  describe('when an identified member no longer meets the rule', () => {
    it.each<[string, ConditionEvaluation, IdentificationTrigger, boolean, RetractionReason]>([
      ['an exclusion diagnosis arrived', EXCLUDED, 'claim', false, 'excluded'],
      ['an exclusion found on a re-run', EXCLUDED, 'rerun', false, 'excluded'],
      ['evidence aged out', NOT_MET, 'reevaluation', false, 'evidence-aged-out'],
      ['the rule changed', NOT_MET, 'rerun', false, 'rule-changed'],
      ['a claim was voided', NOT_MET, 'claim', true, 'evidence-voided'],
      ['a claim was replaced', NOT_MET, 'claim', false, 'evidence-replaced'],
    ])('retracts because %s', (_name, evaluation, trigger, followsVoid, reason) => {
      const decision = decideTransition(anInput({ current: aState(), evaluation, trigger, followsVoid }));
      expect(decision.action).toBe('retract');
      expect(decision.retractionReason).toBe(reason);
    });

    it('stores excluded, keeping the identification id and the review day (for the exclusion to end)', () => {
      const current = aState({ ruleVersion: OLD_RULE_VERSION, reviewOn: '2026-01-16' });
      expect(decideTransition(anInput({ current, evaluation: EXCLUDED, reviewOn: '2026-05-20' }))).toStrictEqual({
        action: 'retract',
        nextState: {
          memberId: MEMBER,
          conditionId: 'diabetes',
          status: 'excluded',
          ruleVersion: RULE_VERSION,
          identificationId: OLD_ID,
          reviewOn: '2026-05-20',
        },
        retractionReason: 'excluded',
      });
    });

    it('stores not-met, keeping the identification id, with no review day', () => {
      const current = aState({ reviewOn: '2026-01-16' });
      expect(
        decideTransition(anInput({ current, evaluation: NOT_MET, reviewOn: '2026-05-20', trigger: 'reevaluation' })),
      ).toStrictEqual({
        action: 'retract',
        nextState: {
          memberId: MEMBER,
          conditionId: 'diabetes',
          status: 'not-met',
          ruleVersion: RULE_VERSION,
          identificationId: OLD_ID,
          reviewOn: null,
        },
        retractionReason: 'evidence-aged-out',
      });
    });

    it('never uses the new identification id on a retraction', () => {
      const decision = decideTransition(anInput({ current: aState(), evaluation: NOT_MET }));
      expect(decision.nextState?.identificationId).toBe(OLD_ID);
    });
  });

  describe('when a member who is not identified does not meet the rule', () => {
    it('needs no state for a member never identified nor excluded', () => {
      expect(decideTransition(anInput({ current: undefined, evaluation: NOT_MET }))).toStrictEqual({
        action: 'none',
        nextState: null,
      });
    });

    it('stores a first exclusion without an identification id', () => {
      expect(
        decideTransition(anInput({ current: undefined, evaluation: EXCLUDED, reviewOn: '2026-04-01' })),
      ).toStrictEqual({
        action: 'none',
        nextState: {
          memberId: MEMBER,
          conditionId: 'diabetes',
          status: 'excluded',
          ruleVersion: RULE_VERSION,
          identificationId: null,
          reviewOn: '2026-04-01',
        },
      });
    });

    it.each<[string, ConditionState, Partial<TransitionInput>, ConditionState | null]>([
      [
        'an exclusion that ended → not-met (no review day, last id kept)',
        aState({ status: 'excluded', reviewOn: '2026-01-16' }),
        { evaluation: NOT_MET, reviewOn: '2026-09-09' },
        aState({ status: 'not-met', reviewOn: null }),
      ],
      [
        'an exclusion that ended, never identified → not-met without id',
        aState({ status: 'excluded', identificationId: null, reviewOn: '2026-01-16' }),
        { evaluation: NOT_MET },
        aState({ status: 'not-met', identificationId: null, reviewOn: null }),
      ],
      [
        'a lasting exclusion, same version and review day → nothing to store',
        aState({ status: 'excluded', reviewOn: '2026-01-16' }),
        { evaluation: EXCLUDED, reviewOn: '2026-01-16' },
        null,
      ],
      [
        'a lasting exclusion with a later review day',
        aState({ status: 'excluded', reviewOn: '2026-01-16' }),
        { evaluation: EXCLUDED, reviewOn: '2026-07-01' },
        aState({ status: 'excluded', reviewOn: '2026-07-01' }),
      ],
      [
        'a lasting exclusion under a new rule version',
        aState({ status: 'excluded', ruleVersion: OLD_RULE_VERSION, reviewOn: '2026-01-16' }),
        { evaluation: EXCLUDED, reviewOn: '2026-01-16' },
        aState({ status: 'excluded', reviewOn: '2026-01-16' }),
      ],
      [
        'a retracted member still not meeting it → nothing to store',
        aState({ status: 'not-met', reviewOn: null }),
        { evaluation: NOT_MET, reviewOn: '2026-09-09' },
        null,
      ],
      [
        'a retracted member under a new rule version',
        aState({ status: 'not-met', ruleVersion: OLD_RULE_VERSION, reviewOn: null }),
        { evaluation: NOT_MET },
        aState({ status: 'not-met', reviewOn: null }),
      ],
      [
        'a retracted member now excluded (last id kept)',
        aState({ status: 'not-met', reviewOn: null }),
        { evaluation: EXCLUDED, reviewOn: '2026-02-02' },
        aState({ status: 'excluded', reviewOn: '2026-02-02' }),
      ],
    ])('%s', (_name, current, change, expected) => {
      const decision = decideTransition(anInput({ current, trigger: 'claim', ...change }));
      expect(decision).toStrictEqual({ action: 'none', nextState: expected });
    });
  });
});
