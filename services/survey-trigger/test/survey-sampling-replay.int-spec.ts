import { TOPICS } from '@care/contracts';
import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import { SurveyProbe, type DecisionRow } from './support/survey-probe';
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
const MEMBERS = 1000;
const REPEAT_VISITORS = 100;
const PROVIDERS = ['444444444', '555555555', '666666666', '777777777', '888888888'].map(npiOf);
const SETTINGS = { SURVEY_SAMPLING_RATE: String(RATE), SURVEY_SEED: 'sampling-spec-seed' };

const memberId = (i: number): string => `S-${String(i).padStart(4, '0')}`;

/**
 * 1,000 members with one visit each, sampled at 30 % through the real broker and database, and 100 of them with a
 * second visit 30 to 49 days after the first (inside the 90-day quiet period). Then the claims and the roster are
 * replayed (consumer groups rewound) and finally re-processed from nothing (the service schema dropped): the
 * decisions must come out the same every time.
 */
describe('survey-trigger: sampling rate and replays', () => {
  let environment: TestEnvironment;
  let service: RunningSurveyTrigger;
  let probe: SurveyProbe;
  let firstDecisions: DecisionRow[];

  beforeAll(async () => {
    environment = await createTestEnvironment();
    service = await startSurveyTrigger(environment, SETTINGS);
    probe = await SurveyProbe.start(environment, () => service.dataSource);
  });

  afterAll(async () => {
    await probe.stop();
    await service.close();
    await environment.dispose();
  });

  const restart = async (): Promise<void> => {
    service = await startSurveyTrigger(environment, SETTINGS);
    await probe.settle(60000);
  };

  // The number of first visits sampled is Binomial(1,000, 0.3) for a fair draw: mean 300, standard deviation
  // sqrt(1,000 x 0.3 x 0.7) = 14.49; the test allows 4 standard deviations, 242.0 .. 358.0 (a fair draw falls
  // outside with probability about 6e-5; the seed is fixed, so the outcome is the same on every run).
  it('samples eligible visits at the configured rate, and only by the draw', async () => {
    await environment.probe.produce(
      TOPICS.memberEligibilityChanged.name,
      Array.from({ length: MEMBERS }, (_, i) => memberMessage(member(memberId(i)))),
    );
    const first = Array.from({ length: MEMBERS }, (_, i) =>
      claimMessage(
        visitClaim({
          claimId: `S1-${String(i)}`,
          memberId: memberId(i),
          date: daysAgo(40 + (i % 20)),
          providerNpi: PROVIDERS[i % 5],
        }),
        instantDaysAgo(35 + (i % 20)),
      ),
    );
    const second = Array.from({ length: REPEAT_VISITORS }, (_, i) =>
      claimMessage(
        visitClaim({
          claimId: `S2-${String(i)}`,
          memberId: memberId(i),
          date: daysAgo(10),
          providerNpi: PROVIDERS[(i + 1) % 5],
        }),
        instantDaysAgo(5),
      ),
    );
    await environment.probe.produce(TOPICS.claimReceived.name, [...first, ...second]);
    await probe.settle(60000);

    const decisions = await probe.decisions();
    expect(decisions).toHaveLength(MEMBERS + REPEAT_VISITORS);
    const sampledFirstVisits = decisions.filter(
      (row) => row.claim_id.startsWith('S1-') && row.status === 'surveyed',
    );
    expect(sampledFirstVisits.length).toBeGreaterThanOrEqual(242);
    expect(sampledFirstVisits.length).toBeLessThanOrEqual(358);

    // Every decision not excluded follows the draw: surveyed below the rate, not sampled at or above it.
    for (const row of decisions.filter((item) => item.status !== 'excluded')) {
      expect([row.visit_id, row.status]).toEqual([
        row.visit_id,
        row.draw < RATE ? 'surveyed' : 'not-sampled',
      ]);
    }
    // A second visit is excluded, for the quiet period, exactly when the member's first visit was surveyed.
    const surveyedFirst = new Set(sampledFirstVisits.map((row) => row.member_id));
    const secondVisits = decisions.filter((row) => row.claim_id.startsWith('S2-'));
    expect(secondVisits).toHaveLength(REPEAT_VISITORS);
    for (const row of secondVisits) {
      expect([row.member_id, row.status === 'excluded' ? row.reasons : 'decided by the draw']).toEqual([
        row.member_id,
        surveyedFirst.has(row.member_id) ? ['quiet-period'] : 'decided by the draw',
      ]);
    }
    const surveyed = decisions.filter((row) => row.status === 'surveyed');
    expect((await probe.surveys()).map((survey) => survey.surveyId).sort()).toEqual(
      surveyed.map((row) => row.visit_id).sort(),
    );
    firstDecisions = decisions;
  });

  it('makes the same decisions and emits nothing new when both topics are replayed', async () => {
    const emitted = (await probe.messages()).length;
    await service.close();
    await probe.rewind();
    await restart();
    expect(await probe.decisions()).toEqual(firstDecisions);
    expect(await probe.messages()).toHaveLength(emitted);
  });

  it('makes the same decisions, with the same survey ids, when rebuilt from nothing', async () => {
    const surveyIds = (await probe.surveys()).map((survey) => survey.surveyId).sort();
    await service.close();
    await dropSchema(environment);
    await probe.rewind();
    await restart();
    expect(await probe.decisions()).toEqual(firstDecisions);
    // The rebuilt service announces the same surveys again, under the same ids (the event id is the survey id).
    const all = (await probe.surveys()).map((survey) => survey.surveyId).sort();
    expect(all).toEqual([...surveyIds, ...surveyIds].sort());
  });
});

/** Drops survey-trigger's schema (tables, inbox, outbox, migrations) in the test database. */
async function dropSchema(environment: TestEnvironment): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: environment.databaseUrl });
  await client.connect();
  try {
    await client.query('DROP SCHEMA survey_trigger CASCADE');
  } finally {
    await client.end();
  }
}
