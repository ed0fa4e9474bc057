import { runIdentificationBenchmark } from './identification-benchmark';

/**
 * The identification benchmark at smoke size: proves it measures what it claims (both populations' history and
 * the timed claims pass through condition-identification, nothing is dead-lettered, identifications come out, and
 * the second population is the larger one) without asserting any timing. Figures come from `npm run bench`.
 */
describe('identification benchmark (smoke size)', () => {
  it('feeds both populations through condition-identification and times the new claims', async () => {
    const result = await runIdentificationBenchmark({ households: 30, scale: 3, measuredClaims: 60 });
    expect(result.base.deadLetters + result.scaled.deadLetters).toBe(0);
    expect(result.base.identified).toBeGreaterThan(0);
    expect(result.scaled.identified).toBeGreaterThan(result.base.identified);
    expect(result.scaled.members).toBeGreaterThan(2 * result.base.members);
    expect(result.scaled.historyClaims).toBeGreaterThan(2 * result.base.historyClaims);
    expect(result.base.claimsPerSecond).toBeGreaterThan(0);
    expect(result.baselineConsumePerSecond).toBeGreaterThan(0);
  });
});
