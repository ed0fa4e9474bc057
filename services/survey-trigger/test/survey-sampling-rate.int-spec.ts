import { TOPICS } from '@care/contracts';
import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import { SurveyProbe } from './support/survey-probe';
import {
  claimMessage,
  daysAgo,
  instantDaysAgo,
  member,
  memberMessage,
  npiOf,
  startSurveyTrigger,
  visitClaim,
  type RunningSurveyTrigger,
} from './support/survey-trigger-app';

const RATE = 0.3;
const VISITS = 10000;
const CHUNK = 2500;
const PROVIDERS = ['414141414', '515151515', '616161616', '717171717'].map(npiOf);

/**
 * 10,000 synthetic visits of 10,000 eligible members through the real broker and database, sampled at 30 %.
 * The count surveyed is Binomial(10,000, 0.3) for a fair draw: mean 3,000, standard deviation
 * sqrt(10,000 x 0.3 x 0.7) = 45.83; the test allows 4 standard deviations, 2,817 .. 3,183 (a fair draw falls outside
 * with probability about 6e-5; the seed is fixed, so every run decides the same).
 */
describe('survey-trigger: sampling rate on 10,000 visits', () => {
  let environment: TestEnvironment;
  let service: RunningSurveyTrigger;
  let probe: SurveyProbe;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    service = await startSurveyTrigger(environment, {
      SURVEY_SAMPLING_RATE: String(RATE),
      SURVEY_SEED: 'rate-spec-seed',
    });
    probe = await SurveyProbe.start(environment, () => service.dataSource);
  });

  afterAll(async () => {
    await probe.stop();
    await service.close();
    await environment.dispose();
  });

  it('surveys the configured share of eligible visits', async () => {
    const memberId = (i: number): string => `R-${String(i).padStart(5, '0')}`;
    // In chunks, waiting for the service between them, so the local broker never holds more than it keeps.
    for (let start = 0; start < VISITS; start += CHUNK) {
      const indexes = Array.from({ length: Math.min(CHUNK, VISITS - start) }, (_, i) => start + i);
      await environment.probe.produce(
        TOPICS.memberEligibilityChanged.name,
        indexes.map((i) => memberMessage(member(memberId(i)))),
      );
      await environment.probe.produce(
        TOPICS.claimReceived.name,
        indexes.map((i) =>
          claimMessage(
            visitClaim({
              claimId: `R-${String(i)}`,
              memberId: memberId(i),
              date: daysAgo(20 + (i % 30)),
              providerNpi: PROVIDERS[i % PROVIDERS.length],
            }),
            instantDaysAgo(15 + (i % 10)),
          ),
        ),
      );
      await probe.settle(120000);
    }
    const decisions = await probe.decisions();
    expect(decisions).toHaveLength(VISITS);
    expect(decisions.filter((row) => row.status === 'excluded')).toEqual([]);
    const surveyed = decisions.filter((row) => row.status === 'surveyed').length;
    expect(surveyed).toBeGreaterThanOrEqual(2817);
    expect(surveyed).toBeLessThanOrEqual(3183);
    expect(await environment.probe.count(TOPICS.surveyTriggered.name)).toBe(surveyed);
  });
});
