import { isSampled, surveySamplingDraw, surveyVisitKey } from './survey-sampling.util';

/**
 * 10,000 synthetic visits: distinct members, a handful of providers, dates spread over a year. The number selected at
 * rate p is Binomial(n = 10,000, p) if the draw is uniform and independent of the visit; the tests allow 4 standard
 * deviations, sqrt(n p (1 - p)), either side of n p. A fair draw lands outside with probability about 6e-5 per check;
 * the seeds are fixed, so the result never changes between runs: a failure means a biased or broken draw.
 */
const N = 10_000;
const PROVIDERS = ['1234567893', '1245319599', '1500000009', '1999999992'];
const VISITS = Array.from({ length: N }, (_, i) =>
  surveyVisitKey({
    memberId: `M${String(100000 + i)}`,
    providerNpi: PROVIDERS[i % PROVIDERS.length] ?? '',
    serviceDate: new Date(Date.UTC(2025, 0, 1 + (i % 365))).toISOString().slice(0, 10),
  }),
);
const SEED = 'survey-seed-2026';

const bounds = (n: number, p: number): [number, number] => {
  const sd = Math.sqrt(n * p * (1 - p));
  return [n * p - 4 * sd, n * p + 4 * sd];
};
const selectedAt = (rate: number, seed = SEED): number =>
  VISITS.filter((key) => isSampled(surveySamplingDraw(key, seed), rate)).length;

describe('survey sampling', () => {
  it('builds the visit key from member, provider and day', () => {
    expect(surveyVisitKey({ memberId: 'M-1', providerNpi: '1234567893', serviceDate: '2026-03-10' })).toBe(
      'M-1|1234567893|2026-03-10',
    );
  });

  it('draws the same number for the same visit and seed, in [0, 1)', () => {
    const draws = VISITS.slice(0, 100).map((key) => surveySamplingDraw(key, SEED));
    expect(VISITS.slice(0, 100).map((key) => surveySamplingDraw(key, SEED))).toEqual(draws);
    expect(draws.every((draw) => draw >= 0 && draw < 1)).toBe(true);
    expect(new Set(draws).size).toBe(100);
  });

  // rate 0.25: 2,500 expected, sd = sqrt(10,000 x 0.25 x 0.75) = 43.3, so 2,326.8 .. 2,673.2
  // rate 0.05: 500 expected, sd = 21.8, so 412.8 .. 587.2; rate 0.9: 9,000 expected, sd = 30, so 8,880 .. 9,120
  it.each([0.05, 0.25, 0.5, 0.9])('selects 10,000 visits at rate %p within 4 standard deviations', (rate) => {
    const [low, high] = bounds(N, rate);
    const selected = selectedAt(rate);
    expect(selected).toBeGreaterThanOrEqual(low);
    expect(selected).toBeLessThanOrEqual(high);
  });

  it('selects nothing at rate 0 and everything at rate 1', () => {
    expect(selectedAt(0)).toBe(0);
    expect(selectedAt(1)).toBe(N);
  });

  // Each tenth of [0, 1) should hold 1,000 draws: sd = sqrt(10,000 x 0.1 x 0.9) = 30, so 880 .. 1,120.
  it('spreads the draws evenly over [0, 1)', () => {
    const deciles = Array.from({ length: 10 }, () => 0);
    for (const key of VISITS) {
      const index = Math.floor(surveySamplingDraw(key, SEED) * 10);
      deciles[index] = (deciles[index] ?? 0) + 1;
    }
    for (const count of deciles) {
      expect(count).toBeGreaterThanOrEqual(880);
      expect(count).toBeLessThanOrEqual(1120);
    }
  });

  it('a visit sampled at a rate is sampled at every higher rate', () => {
    const at10 = new Set(VISITS.filter((key) => isSampled(surveySamplingDraw(key, SEED), 0.1)));
    const at30 = new Set(VISITS.filter((key) => isSampled(surveySamplingDraw(key, SEED), 0.3)));
    expect([...at10].every((key) => at30.has(key))).toBe(true);
  });

  // Two independent seeds at rate 0.5 agree on a visit with probability 0.5: 5,000 expected, sd = 50, 4,800 .. 5,200.
  it('another seed gives an independent selection', () => {
    const agree = VISITS.filter(
      (key) =>
        isSampled(surveySamplingDraw(key, SEED), 0.5) ===
        isSampled(surveySamplingDraw(key, 'other-seed'), 0.5),
    ).length;
    expect(agree).toBeGreaterThanOrEqual(4800);
    expect(agree).toBeLessThanOrEqual(5200);
  });

  // 4 providers x 365 days: members differ, so the draw must not depend on the provider or the date alone.
  it.each(PROVIDERS)('selects visits with provider %s at the rate too', (npi) => {
    const mine = VISITS.filter((key) => key.includes(`|${npi}|`));
    const selected = mine.filter((key) => isSampled(surveySamplingDraw(key, SEED), 0.25)).length;
    const [low, high] = bounds(mine.length, 0.25);
    expect(selected).toBeGreaterThanOrEqual(low);
    expect(selected).toBeLessThanOrEqual(high);
  });
});
