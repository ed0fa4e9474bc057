import { runGapsBenchmark } from './gaps-benchmark';

/**
 * The gap benchmark at smoke size: both populations' inputs and the timed claims pass through care-gaps, nothing is
 * dead-lettered, gaps come out and the second population is the larger one. No timing is asserted.
 */
describe('gaps benchmark (smoke size)', () => {
  it('feeds both populations through care-gaps and times the new claims', async () => {
    const result = await runGapsBenchmark({ households: 20, scale: 3, measuredClaims: 40 });
    expect(result.base.deadLetters + result.scaled.deadLetters).toBe(0);
    expect(result.base.gapsDetected).toBeGreaterThan(0);
    expect(result.scaled.gapsDetected).toBeGreaterThan(result.base.gapsDetected);
    expect(result.scaled.members).toBeGreaterThan(2 * result.base.members);
    expect(result.base.claimsPerSecond).toBeGreaterThan(0);
    expect(result.baselineConsumePerSecond).toBeGreaterThan(0);
  });
});
