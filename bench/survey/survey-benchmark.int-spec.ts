import { runSurveyBenchmark } from './survey-benchmark';

/**
 * The survey benchmark at smoke size: proves it measures what it claims (the roster, the history and the timed
 * claims pass through survey-trigger, some timed claims are visits, surveys come out, nothing is dead-lettered)
 * without asserting any timing. Figures come from `npm run bench -- survey`.
 */
describe('survey benchmark (smoke size)', () => {
  it('feeds the population through survey-trigger and times the new claims', async () => {
    const result = await runSurveyBenchmark({ households: 40, measuredClaims: 80 });
    expect(result.deadLetters).toBe(0);
    expect(result.members).toBeGreaterThan(40);
    expect(result.historyClaims).toBeGreaterThan(result.measuredClaims);
    expect(result.measuredVisits).toBeGreaterThan(0);
    expect(result.surveys).toBeGreaterThan(0);
    expect(result.claimsPerSecond).toBeGreaterThan(0);
    expect(result.baselineConsumePerSecond).toBeGreaterThan(0);
  });
});
