import type { CaseMemberFacts } from '../../members/case-member.repository';
import { decideIntake } from './decide-intake';

const member = (overrides: Partial<CaseMemberFacts> = {}): CaseMemberFacts => ({
  memberId: 'M-2',
  subscriberId: 'M-1',
  relationship: 'spouse',
  deceased: false,
  planAdministeredByHealthPlan: false,
  coverageEffective: '2026-01-01',
  coverageTermination: null,
  ...overrides,
});
const TODAY = '2026-11-24';
const bill = { amount: 1250, coveredByPlan: false, inNetworkProvider: false };

describe('decideIntake', () => {
  it.each([
    ['subscriber', true],
    ['spouse', true],
    ['domestic-partner', true],
    ['child', true],
    ['parent', true],
    ['parent-in-law', true],
    ['other-dependent', false],
  ])('relationship %s -> eligible %s', (relationship, eligible) => {
    const decision = decideIntake(member({ relationship }), { memberId: 'M-2', serviceId: 'find-provider' }, TODAY);
    expect(decision.ok).toBe(eligible);
    if (!decision.ok) {
      expect(decision.code).toBe('not-eligible');
      expect(decision.reason).toContain('relationship other-dependent is not served');
    }
  });

  it('refuses a member casework has never seen, naming only the id', () => {
    expect(decideIntake(undefined, { memberId: 'M-9', serviceId: 'find-provider' }, TODAY)).toEqual({
      ok: false,
      code: 'member-unknown',
      reason: 'member M-9 is not on the roster casework holds',
    });
  });

  it.each([
    ['coverage ended yesterday', { coverageTermination: '2026-11-23' }, false],
    ['coverage ends today', { coverageTermination: '2026-11-24' }, true],
    ['coverage starts tomorrow', { coverageEffective: '2026-11-25' }, false],
    ['coverage dates not yet known', { coverageEffective: null, coverageTermination: null }, true],
  ])('%s -> %s', (_name, overrides, ok) => {
    const decision = decideIntake(member(overrides), { memberId: 'M-2', serviceId: 'find-provider' }, TODAY);
    expect(decision.ok).toBe(ok);
    if (!decision.ok) expect(decision.reason).toBe('coverage is not active on 2026-11-24');
  });

  it('routes a clinical request to the health plan when it administers the medical plan, with the reason', () => {
    const decision = decideIntake(member({ planAdministeredByHealthPlan: true }), { memberId: 'M-2', serviceId: 'second-opinion' }, TODAY);
    expect(decision).toMatchObject({ ok: true, queue: 'health-plan', category: 'clinical' });
    expect(decision.ok && decision.routingReason).toMatch(/clinical request/);
  });

  it('keeps equipment requests with the advocates even when the plan is administered by the health plan', () => {
    expect(
      decideIntake(member({ planAdministeredByHealthPlan: true }), { memberId: 'M-2', serviceId: 'equipment-and-supplies' }, TODAY),
    ).toMatchObject({ ok: true, queue: 'advocacy', category: 'benefits-and-claims' });
  });

  it('keeps the request with the advocates while plan administration is unknown, and says so', () => {
    const decision = decideIntake(member({ planAdministeredByHealthPlan: null }), { memberId: 'M-2', serviceId: 'second-opinion' }, TODAY);
    expect(decision).toMatchObject({ ok: true, queue: 'advocacy' });
    expect(decision.ok && decision.routingReason).toMatch(/not yet known/);
  });

  it.each([
    ['a non-covered bill over $400', bill, true, ''],
    ['exactly $400', { ...bill, amount: 400 }, false, 'non-covered bills are negotiated above $400'],
    ['a covered bill', { ...bill, coveredByPlan: true }, false, 'covered bill'],
    ['no bill at all', undefined, false, 'needs the bill'],
  ])('bill negotiation with %s -> %s', (_name, candidate, ok, reason) => {
    const decision = decideIntake(member(), { memberId: 'M-2', serviceId: 'bill-saver', bill: candidate }, TODAY);
    expect(decision.ok).toBe(ok);
    if (decision.ok) expect(decision).toMatchObject({ queue: 'advocacy', category: 'bill-negotiation' });
    else expect(decision).toMatchObject({ code: 'bill-not-eligible', reason: expect.stringContaining(reason) });
  });

  it('refuses a service outside the catalog', () => {
    expect(decideIntake(member(), { memberId: 'M-2', serviceId: 'tax-advice' }, TODAY)).toMatchObject({
      ok: false,
      code: 'unknown-service',
    });
  });
});
