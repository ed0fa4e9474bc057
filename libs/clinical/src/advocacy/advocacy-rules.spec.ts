import { ADVOCACY_CATEGORIES, ADVOCACY_SERVICES } from './advocacy-services.data';
import { advocacyEligibility, billNegotiationEligibility, routeAdvocacyRequest } from './advocacy-rules';

describe('advocacyEligibility', () => {
  it.each([
    ['subscriber', true],
    ['spouse', true],
    ['domestic-partner', true],
    ['child', true],
    ['parent', true],
    ['parent-in-law', true],
    ['other-dependent', false],
    ['sibling', false],
    ['', false],
  ])('%s -> %s', (relationship, ok) => {
    const decision = advocacyEligibility(relationship);
    expect(decision.ok).toBe(ok);
    if (!decision.ok) expect(decision.reason).toContain(`relationship ${relationship} is not served`);
  });
});

describe('routeAdvocacyRequest', () => {
  it.each<[string, boolean, 'health-plan' | 'advocacy']>([
    ['second-opinion', true, 'health-plan'], // clinical, plan administered by the health plan
    ['second-opinion', false, 'advocacy'],
    ['pre-authorization', true, 'health-plan'], // standard administrative
    ['appeals-and-grievances', true, 'health-plan'],
    ['covered-bill-review', true, 'health-plan'], // covered portion of a medical bill
    ['equipment-and-supplies', true, 'advocacy'], // outside the plan's customary services
    ['community-services', true, 'advocacy'],
    ['eldercare-facilities', true, 'advocacy'],
    ['bill-saver', true, 'advocacy'],
    ['bill-review', true, 'advocacy'],
  ])('%s (plan administered: %s) -> %s', (serviceId, administered, queue) => {
    const decision = routeAdvocacyRequest(serviceId, administered);
    expect(decision).toMatchObject({ ok: true, value: { queue } });
    expect(decision.ok && decision.value.reason.length > 0).toBe(true);
  });

  it('refuses an unknown service', () => {
    expect(routeAdvocacyRequest('tax-advice', true)).toEqual({
      ok: false,
      reason: 'unknown advocacy service tax-advice',
    });
  });

  it('has every category and unique service ids in the catalog', () => {
    expect(new Set(ADVOCACY_SERVICES.map((service) => service.category))).toEqual(
      new Set(ADVOCACY_CATEGORIES),
    );
    expect(new Set(ADVOCACY_SERVICES.map((service) => service.id)).size).toBe(ADVOCACY_SERVICES.length);
  });
});

describe('billNegotiationEligibility', () => {
  it.each<[string, { amount: number; coveredByPlan: boolean; inNetworkProvider: boolean }, boolean]>([
    ['non-covered, $400.01', { amount: 400.01, coveredByPlan: false, inNetworkProvider: false }, true],
    ['non-covered, exactly $400', { amount: 400, coveredByPlan: false, inNetworkProvider: false }, false],
    ['non-covered, $399', { amount: 399, coveredByPlan: false, inNetworkProvider: false }, false],
    ['covered, $5,000', { amount: 5000, coveredByPlan: true, inNetworkProvider: false }, false],
    ['covered, in network, $5,000', { amount: 5000, coveredByPlan: true, inNetworkProvider: true }, false],
    [
      'in network but not covered (visit limit used up), $900',
      { amount: 900, coveredByPlan: false, inNetworkProvider: true },
      true,
    ],
    ['negative amount', { amount: -1, coveredByPlan: false, inNetworkProvider: false }, false],
  ])('%s', (_name, bill, ok) => {
    expect(billNegotiationEligibility(bill).ok).toBe(ok);
  });
});
