import { deadLetterTopicOf, TOPICS } from '@care/contracts';
import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import {
  assessmentMessage,
  claimReceivedMessage,
  daysAgo,
  fill,
  inpatientStay,
  officeVisit,
  startConditionIdentification,
  TestClock,
  type RunningConditionIdentification,
} from './support/condition-identification-app';
import { IdentificationProbe } from './support/identification-probe';

const RECEIVED = TOPICS.claimReceived.name;
const ASSESSMENTS = TOPICS.assessmentCompleted.name;
const INSULIN = '00088222033';

/** condition-identification against a real PostgreSQL and a real Kafka-protocol broker. */
describe('condition-identification', () => {
  let environment: TestEnvironment;
  let service: RunningConditionIdentification;
  let probe: IdentificationProbe;
  const clock = new TestClock();

  beforeAll(async () => {
    environment = await createTestEnvironment();
    service = await startConditionIdentification(environment, { clock });
    probe = await IdentificationProbe.start(environment, () => service.dataSource);
  });

  afterAll(async () => {
    await probe.stop();
    await service.close();
    await environment.dispose();
  });

  const publish = (...messages: Array<{ key: string; value: string }>) =>
    environment.probe.produce(RECEIVED, messages);
  const conditionsOf = async (memberId: string) => {
    const response = await fetch(`${service.url}/v1/members/${memberId}/conditions`, {
      headers: await environment.bearer('coach-ana'),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as {
      conditions: Array<{
        conditionId: string;
        status: string;
        identification: { ruleVersion: string; firstMetOn: string; evidence: { qualifyingClaims: Array<{ claimId: string }> } } | null;
        evaluation: { met: boolean; reason: string; evidence: { selfReported: Array<{ assessmentId: string }> } };
      }>;
      history: Array<{ identificationId: string; retractedAt: string | null; retractionReason: string | null }>;
    };
  };

  it('identifies a member on two professional claims on different dates, once, with rule and evidence', async () => {
    const first = daysAgo(40);
    const second = daysAgo(10);
    await publish(
      claimReceivedMessage(officeVisit({ claimId: 'DM-1', memberId: 'M-DM', date: first, codes: ['E11.9'] })),
      claimReceivedMessage(officeVisit({ claimId: 'DM-2', memberId: 'M-DM', date: second, codes: ['E11.65'] })),
      // the same claim redelivered as a new message, and an unrelated claim
      claimReceivedMessage(officeVisit({ claimId: 'DM-2', memberId: 'M-DM', date: second, codes: ['E11.65'] })),
      claimReceivedMessage(officeVisit({ claimId: 'DM-3', memberId: 'M-DM', date: second, codes: ['S52.501A'] })),
    );
    await probe.settle();

    const events = await probe.identified('M-DM');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      conditionId: 'diabetes',
      ruleId: 'diabetes',
      ruleVersion: 'ccw-2023.1',
      basis: 'claims',
      firstMetOn: second,
      trigger: 'claim',
    });
    expect(events[0]?.evidence.qualifyingClaims.map((claim) => [claim.claimId, claim.serviceDate]).sort()).toEqual([
      ['DM-1', first],
      ['DM-2', second],
    ]);

    const view = await conditionsOf('M-DM');
    const diabetes = view.conditions.find((condition) => condition.conditionId === 'diabetes');
    expect(diabetes?.status).toBe('identified');
    expect(diabetes?.identification?.firstMetOn).toBe(second);
    expect(view.conditions.map((condition) => condition.conditionId)).toEqual(['diabetes']);

    const bad = await fetch(`${service.url}/v1/members/${encodeURIComponent('not a member!')}/conditions`, {
      headers: await environment.bearer('coach-ana'),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { issues: Array<{ field: string }> }).issues[0]?.field).toBe('memberId');
  });

  it('does not identify near misses: one claim, two claims on the same date, a claim outside the period', async () => {
    await publish(
      claimReceivedMessage(officeVisit({ claimId: 'NM-1', memberId: 'M-NEAR', date: daysAgo(5), codes: ['J45.909'] })),
      claimReceivedMessage(officeVisit({ claimId: 'NM-2', memberId: 'M-NEAR', date: daysAgo(20), codes: ['I48.91'] })),
      claimReceivedMessage(officeVisit({ claimId: 'NM-3', memberId: 'M-NEAR', date: daysAgo(20), codes: ['I48.91'] })),
      // atrial fibrillation has a 12-month period: this claim is outside it
      claimReceivedMessage(officeVisit({ claimId: 'NM-4', memberId: 'M-NEAR', date: daysAgo(400), codes: ['I48.91'] })),
    );
    await probe.settle();
    expect(await probe.identified('M-NEAR')).toEqual([]);
    const view = await conditionsOf('M-NEAR');
    expect(view.conditions.map((condition) => [condition.conditionId, condition.status, condition.evaluation.met])).toEqual([
      ['asthma', 'not-met', false],
      ['atrial-fibrillation', 'not-met', false],
    ]);
  });

  it('identifies on one inpatient stay and on pharmacy fills alone where the rule allows it', async () => {
    await publish(
      claimReceivedMessage(inpatientStay({ claimId: 'HF-1', memberId: 'M-HF', date: daysAgo(30), codes: ['I50.9'] })),
      claimReceivedMessage(fill({ claimId: 'RX-1', memberId: 'M-RX', date: daysAgo(60), ndc: INSULIN })),
      claimReceivedMessage(fill({ claimId: 'RX-2', memberId: 'M-RX', date: daysAgo(30), ndc: INSULIN })),
    );
    await probe.settle();
    expect((await probe.identified('M-HF')).map((event) => [event.conditionId, event.basis])).toEqual([
      ['heart-failure', 'claims'],
    ]);
    expect((await probe.identified('M-RX')).map((event) => [event.conditionId, event.basis])).toEqual([
      ['diabetes', 'pharmacy'],
    ]);
  });

  it('records health assessments as self-reported support that never identifies alone', async () => {
    await environment.probe.produce(ASSESSMENTS, [
      assessmentMessage({
        assessmentId: 'HA-1',
        memberId: 'M-HA',
        completedOn: daysAgo(3),
        selfReportedConditions: ['hypertension'],
        biometrics: [
          { code: 'bp-systolic', value: 152 },
          { code: 'hba1c-percent', value: 8.1 },
        ],
        recordedAt: new Date().toISOString(),
      }),
    ]);
    await probe.settle();
    expect(await probe.identified('M-HA')).toEqual([]);
    const before = await conditionsOf('M-HA');
    expect(
      before.conditions.map((condition) => [
        condition.conditionId,
        condition.evaluation.met,
        condition.evaluation.evidence.selfReported.map((item) => item.assessmentId),
      ]),
    ).toEqual([
      ['diabetes', false, ['HA-1']],
      ['hypertension', false, ['HA-1']],
    ]);

    await publish(
      claimReceivedMessage(officeVisit({ claimId: 'HA-C1', memberId: 'M-HA', date: daysAgo(2), codes: ['I10'] })),
      claimReceivedMessage(officeVisit({ claimId: 'HA-C2', memberId: 'M-HA', date: daysAgo(1), codes: ['I10'] })),
    );
    await probe.settle();
    const events = await probe.identified('M-HA');
    expect(events.map((event) => event.conditionId)).toEqual(['hypertension']);
    expect(events[0]?.evidence.selfReported.map((item) => item.assessmentId)).toEqual(['HA-1']);
  });

  it('retracts when a claim is voided, replaced without the diagnosis, or an exclusion arrives', async () => {
    const date = (days: number) => daysAgo(days);
    await publish(
      claimReceivedMessage(officeVisit({ claimId: 'V-1', memberId: 'M-VOID', date: date(50), codes: ['J44.9'] })),
      claimReceivedMessage(officeVisit({ claimId: 'V-2', memberId: 'M-VOID', date: date(20), codes: ['J44.9'] })),
      claimReceivedMessage(officeVisit({ claimId: 'R-1', memberId: 'M-REPL', date: date(50), codes: ['F32.1'] })),
      claimReceivedMessage(officeVisit({ claimId: 'R-2', memberId: 'M-REPL', date: date(20), codes: ['F32.1'] })),
      claimReceivedMessage(officeVisit({ claimId: 'X-1', memberId: 'M-EXCL', date: date(50), codes: ['I25.10'] })),
      claimReceivedMessage(officeVisit({ claimId: 'X-2', memberId: 'M-EXCL', date: date(20), codes: ['I25.10'] })),
    );
    await probe.settle();
    for (const memberId of ['M-VOID', 'M-REPL', 'M-EXCL']) expect(await probe.identified(memberId)).toHaveLength(1);

    await publish(
      claimReceivedMessage(
        officeVisit({ claimId: 'V-2', memberId: 'M-VOID', date: date(20), codes: ['J44.9'], version: 2, frequency: 'void' }),
      ),
      claimReceivedMessage(
        officeVisit({ claimId: 'R-2', memberId: 'M-REPL', date: date(20), codes: ['Z00.00'], version: 2, frequency: 'replacement' }),
      ),
      claimReceivedMessage(officeVisit({ claimId: 'X-3', memberId: 'M-EXCL', date: date(5), codes: ['Z51.5'] })),
    );
    await probe.settle();

    const reasons = async (memberId: string) =>
      (await probe.retracted(memberId)).map((event) => [event.conditionId, event.reason]);
    expect(await reasons('M-VOID')).toEqual([['copd', 'evidence-voided']]);
    expect(await reasons('M-REPL')).toEqual([['depression', 'evidence-replaced']]);
    expect(await reasons('M-EXCL')).toEqual([['coronary-artery-disease', 'excluded']]);
    const [identified] = await probe.identified('M-VOID');
    const [retracted] = await probe.retracted('M-VOID');
    expect(retracted?.identificationId).toBe(identified?.identificationId);

    const view = await conditionsOf('M-VOID');
    expect(view.conditions.find((condition) => condition.conditionId === 'copd')?.status).toBe('not-met');
    expect(view.history).toEqual([
      expect.objectContaining({ identificationId: identified?.identificationId, retractionReason: 'evidence-voided' }),
    ]);
    expect((await conditionsOf('M-EXCL')).conditions[0]?.status).toBe('excluded');

    // An older version arriving late changes nothing, and a voided claim stays voided.
    await publish(
      claimReceivedMessage(officeVisit({ claimId: 'R-2', memberId: 'M-REPL', date: date(20), codes: ['F32.1'] })),
      claimReceivedMessage(
        officeVisit({ claimId: 'V-2', memberId: 'M-VOID', date: date(20), codes: ['J44.9'], version: 3, frequency: 'replacement' }),
      ),
    );
    await probe.settle();
    expect(await probe.identified('M-REPL')).toHaveLength(1);
    expect(await probe.identified('M-VOID')).toHaveLength(1);
  });

  it('retracts on the daily re-evaluation once the evidence ages out of the reference period', async () => {
    // asthma: 12-month period; the second claim is 300 days old, so it leaves the period in about 65 days
    await publish(
      claimReceivedMessage(officeVisit({ claimId: 'AGE-1', memberId: 'M-AGE', date: daysAgo(330), codes: ['J45.40'] })),
      claimReceivedMessage(officeVisit({ claimId: 'AGE-2', memberId: 'M-AGE', date: daysAgo(300), codes: ['J45.40'] })),
    );
    await probe.settle();
    expect(await probe.identified('M-AGE')).toHaveLength(1);

    const nothingDue = await service.reevaluation.runDue();
    expect(nothingDue).toMatchObject({ ran: true, retracted: 0 });

    const later = new Date();
    later.setUTCDate(later.getUTCDate() + 40); // the first claim (330 days) has left; the member no longer meets it
    clock.set(later);
    try {
      const response = await fetch(`${service.url}/v1/identification/reevaluations`, {
        method: 'POST',
        headers: await environment.bearer('ops-eli'),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ran: true, retracted: 1 });
      await probe.settle();
      expect((await probe.retracted('M-AGE')).map((event) => event.reason)).toEqual(['evidence-aged-out']);
      // running it again the same day finds nothing more
      expect(await service.reevaluation.runDue()).toMatchObject({ retracted: 0, identified: 0 });
    } finally {
      clock.set(new Date());
    }
  });

  it('dead-letters a poison claim-received and keeps identifying', async () => {
    await publish(
      { key: 'M-POISON', value: 'not json at all' },
      {
        key: 'M-POISON',
        value: JSON.stringify({
          ...JSON.parse(
            claimReceivedMessage(officeVisit({ claimId: 'P-0', memberId: 'M-POISON', date: daysAgo(3), codes: ['I10'] })).value,
          ),
          data: { claim: { claimId: 'P-0' }, intakeChannel: 'http', receivedAt: new Date().toISOString() },
        }),
      },
      claimReceivedMessage(officeVisit({ claimId: 'P-1', memberId: 'M-POISON', date: daysAgo(30), codes: ['E78.5'] })),
      claimReceivedMessage(officeVisit({ claimId: 'P-2', memberId: 'M-POISON', date: daysAgo(3), codes: ['E78.5'] })),
    );
    await probe.settle();
    const deadLetters = await environment.probe.readAll(deadLetterTopicOf(RECEIVED));
    expect(deadLetters.filter((message) => message.key === 'M-POISON')).toHaveLength(2);
    expect((await probe.identified('M-POISON')).map((event) => event.conditionId)).toEqual(['hyperlipidemia']);
  });

  it('emits nothing new when claim-received is replayed from the beginning', async () => {
    await probe.settle();
    const identifiedBefore = (await probe.identified()).length;
    const retractedBefore = (await probe.retracted()).length;
    expect(identifiedBefore).toBeGreaterThan(5);

    await service.close();
    await environment.probe.rewindGroup(probe.evidenceGroup, RECEIVED);
    expect(await environment.probe.groupLag(probe.evidenceGroup, RECEIVED)).toBeGreaterThan(0);
    service = await startConditionIdentification(environment, { clock });
    await probe.settle(60000);

    expect(await probe.identified()).toHaveLength(identifiedBefore);
    expect(await probe.retracted()).toHaveLength(retractedBefore);
  });
});
