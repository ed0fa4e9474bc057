import { CONDITION_RULES, DIABETES_RULE } from '@care/clinical';
import { TOPICS, type ClaimSubmission } from '@care/contracts';
import { createTestEnvironment, spawnService, type ServiceProcess, type TestEnvironment } from '@care/testing';
import { DEFAULT_RULE_CATALOG, type RuleCatalog } from '../src/identification/evaluation/evaluate-members.use-case';
import {
  daysAgo,
  fill,
  inpatientStay,
  officeVisit,
  startConditionIdentification,
  type RunningConditionIdentification,
} from './support/condition-identification-app';
import { IdentificationProbe } from './support/identification-probe';

const INSULIN = '00088222033';

/**
 * Claims submitted to claims-intake (its own process) flow through `claim-received` into condition-identification
 * (in this process), all on the real PostgreSQL and the real broker. The expected identifications are written out
 * by hand from the CCW-style rules (docs/clinical/condition-rules.md), not computed by the code under test.
 */
const SCENARIOS: ReadonlyArray<{ memberId: string; claims: ClaimSubmission[]; expected: string[] }> = [
  {
    memberId: 'E2E-A', // two office visits for diabetes on different dates
    claims: [
      officeVisit({ claimId: 'A-1', memberId: 'E2E-A', date: daysAgo(200), codes: ['E11.9', 'Z00.00'] }),
      officeVisit({ claimId: 'A-2', memberId: 'E2E-A', date: daysAgo(20), codes: ['Z00.00', 'E11.9'] }),
    ],
    expected: ['diabetes'],
  },
  {
    memberId: 'E2E-B', // one inpatient stay for heart failure; one asthma visit is not enough
    claims: [
      inpatientStay({ claimId: 'B-1', memberId: 'E2E-B', date: daysAgo(90), codes: ['I50.22'] }),
      officeVisit({ claimId: 'B-2', memberId: 'E2E-B', date: daysAgo(30), codes: ['J45.20'] }),
    ],
    expected: ['heart-failure'],
  },
  {
    memberId: 'E2E-C', // two hypertension claims on the same day
    claims: [
      officeVisit({ claimId: 'C-1', memberId: 'E2E-C', date: daysAgo(15), codes: ['I10'] }),
      officeVisit({ claimId: 'C-2', memberId: 'E2E-C', date: daysAgo(15), codes: ['I10'] }),
    ],
    expected: [],
  },
  {
    memberId: 'E2E-D', // depression and atrial fibrillation, each on two dates
    claims: [
      officeVisit({ claimId: 'D-1', memberId: 'E2E-D', date: daysAgo(100), codes: ['F32.1', 'I48.91'] }),
      officeVisit({ claimId: 'D-2', memberId: 'E2E-D', date: daysAgo(60), codes: ['F32.1'] }),
      officeVisit({ claimId: 'D-3', memberId: 'E2E-D', date: daysAgo(10), codes: ['I48.91'] }),
    ],
    expected: ['atrial-fibrillation', 'depression'],
  },
  {
    memberId: 'E2E-E', // two insulin fills: diabetes on pharmacy evidence alone
    claims: [
      fill({ claimId: 'E-1', memberId: 'E2E-E', date: daysAgo(70), ndc: INSULIN }),
      fill({ claimId: 'E-2', memberId: 'E2E-E', date: daysAgo(40), ndc: INSULIN }),
    ],
    expected: ['diabetes'],
  },
  {
    memberId: 'E2E-F', // chronic kidney disease on two dates, but in palliative care
    claims: [
      officeVisit({ claimId: 'F-1', memberId: 'E2E-F', date: daysAgo(80), codes: ['N18.30'] }),
      officeVisit({ claimId: 'F-2', memberId: 'E2E-F', date: daysAgo(50), codes: ['N18.30', 'Z51.5'] }),
    ],
    expected: [],
  },
  {
    memberId: 'E2E-G', // COPD from a claim older than its 12-month period plus a recent one
    claims: [
      officeVisit({ claimId: 'G-1', memberId: 'E2E-G', date: daysAgo(420), codes: ['J44.9'] }),
      officeVisit({ claimId: 'G-2', memberId: 'E2E-G', date: daysAgo(25), codes: ['J44.9'] }),
    ],
    expected: [],
  },
];

const pairs = (events: ReadonlyArray<{ memberId: string; conditionId: string }>): string[] =>
  events.map((event) => `${event.memberId}:${event.conditionId}`).sort();

describe('condition-identification end to end (claims-intake -> claim-received -> member-identified)', () => {
  let environment: TestEnvironment;
  let intake: ServiceProcess;
  let service: RunningConditionIdentification;
  let probe: IdentificationProbe;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    [intake, service] = await Promise.all([
      spawnService('claims-intake', environment),
      startConditionIdentification(environment),
    ]);
    probe = await IdentificationProbe.start(environment, () => service.dataSource);
  });

  afterAll(async () => {
    await probe.stop();
    await service.close();
    await intake.kill('SIGTERM');
    await environment.dispose();
  });

  const restart = async (catalog?: RuleCatalog): Promise<void> => {
    await service.close();
    service = await startConditionIdentification(environment, catalog === undefined ? {} : { catalog });
  };

  it('produces exactly the expected member-identified events for claims submitted to claims-intake', async () => {
    const claims = SCENARIOS.flatMap((scenario) => scenario.claims);
    const response = await fetch(`${intake.url}/v1/claims/batch`, {
      method: 'POST',
      headers: { ...(await environment.bearer('claims-feed')), 'content-type': 'application/json' },
      body: JSON.stringify({ claims }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ accepted: claims.length, invalid: 0 });
    expect(await environment.probe.waitForCount(TOPICS.claimReceived.name, claims.length)).toBe(claims.length);
    await probe.settle();

    const expected = SCENARIOS.flatMap((scenario) => scenario.expected.map((condition) => `${scenario.memberId}:${condition}`));
    expect(pairs(await probe.identified())).toEqual(expected.sort());
    expect(await probe.retracted()).toEqual([]);
  });

  it('replaying claim-received from the beginning produces no event', async () => {
    const before = await probe.identified();
    await service.close();
    await environment.probe.rewindGroup(probe.evidenceGroup, TOPICS.claimReceived.name);
    service = await startConditionIdentification(environment);
    await probe.settle(60000);
    expect(await probe.identified()).toHaveLength(before.length);
    expect(await probe.retracted()).toEqual([]);
  });

  it('a void submitted to claims-intake retracts the identification it supported', async () => {
    const [original] = SCENARIOS[0]?.claims ?? [];
    const voided = { ...(original), version: 2, frequency: 'void' as const };
    const response = await fetch(`${intake.url}/v1/claims`, {
      method: 'POST',
      headers: { ...(await environment.bearer('claims-feed')), 'content-type': 'application/json' },
      body: JSON.stringify(voided),
    });
    expect(response.status).toBe(201);
    await probe.waitForRetractions(1);
    expect((await probe.retracted()).map((event) => [event.memberId, event.conditionId, event.reason])).toEqual([
      ['E2E-A', 'diabetes', 'evidence-voided'],
    ]);
    // Another visit brings the member back: a new identification, with a new id.
    const revisit = officeVisit({ claimId: 'A-3', memberId: 'E2E-A', date: daysAgo(5), codes: ['E11.9'] });
    await fetch(`${intake.url}/v1/claims`, {
      method: 'POST',
      headers: { ...(await environment.bearer('claims-feed')), 'content-type': 'application/json' },
      body: JSON.stringify(revisit),
    });
    await probe.waitForIdentifications(SCENARIOS.flatMap((scenario) => scenario.expected).length + 1);
    const forA = (await probe.identified('E2E-A')).map((event) => event.identificationId);
    expect(new Set(forA).size).toBe(2);
  });

  it('re-runs for one member and for everyone emit nothing when nothing changed', async () => {
    const counts = async () => [(await probe.identified()).length, (await probe.retracted()).length];
    const before = await counts();
    const member = await fetch(`${service.url}/v1/identification/reruns`, {
      method: 'POST',
      headers: { ...(await environment.bearer('ops-eli')), 'content-type': 'application/json' },
      body: JSON.stringify({ memberId: 'E2E-D' }),
    });
    expect(member.status).toBe(200);
    expect(await member.json()).toEqual({ memberId: 'E2E-D', identified: 0, retracted: 0 });

    const everyone = await fetch(`${service.url}/v1/identification/reruns`, {
      method: 'POST',
      headers: { ...(await environment.bearer('ops-eli')), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(everyone.status).toBe(202);
    const { rerunId } = (await everyone.json()) as { rerunId: string };
    await service.reruns.idle();
    const status = await fetch(`${service.url}/v1/identification/reruns/${rerunId}`, {
      headers: await environment.bearer('ops-eli'),
    });
    expect(await status.json()).toMatchObject({
      status: 'completed',
      membersEvaluated: SCENARIOS.length,
      identified: 0,
      retracted: 0,
    });
    await probe.settle();
    expect(await counts()).toEqual(before);

    const bad = await fetch(`${service.url}/v1/identification/reruns`, {
      method: 'POST',
      headers: { ...(await environment.bearer('ops-eli')), 'content-type': 'application/json' },
      body: JSON.stringify({ memberId: 'not a member id!' }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('memberId');
  });

  it('a rule version change re-runs everyone at start-up and emits only the differences', async () => {
    // diabetes v2 needs three professional claims on distinct dates; pharmacy evidence is unchanged
    const stricter: RuleCatalog = {
      version: 'conditions-test.2',
      rules: CONDITION_RULES.map((rule) =>
        rule.id === DIABETES_RULE.id
          ? { ...rule, version: 'ccw-test.2', qualifying: { ...rule.qualifying, claimsOnDistinctDates: 3 } }
          : rule,
      ),
    };
    const identifiedBefore = (await probe.identified()).length;
    await restart(stricter);
    await service.reruns.idle();
    await probe.settle();
    // E2E-A has two diabetes claims left: retracted; E2E-E meets diabetes on fills: kept.
    const retractions = (await probe.retracted()).filter((event) => event.reason === 'rule-changed');
    expect(retractions.map((event) => [event.memberId, event.conditionId, event.ruleVersion])).toEqual([
      ['E2E-A', 'diabetes', 'ccw-test.2'],
    ]);
    expect(await probe.identified()).toHaveLength(identifiedBefore);
    const catalog = (await (
      await fetch(`${service.url}/v1/condition-rules`, { headers: await environment.bearer('coach-ana') })
    ).json()) as {
      catalogVersion: string;
      rules: Array<{ id: string; version: string }>;
    };
    expect(catalog.catalogVersion).toBe('conditions-test.2');
    expect(catalog.rules.find((rule) => rule.id === 'diabetes')?.version).toBe('ccw-test.2');

    // Back to the released rules: E2E-A is identified again by the start-up re-run, and nobody else changes.
    await restart(DEFAULT_RULE_CATALOG);
    await service.reruns.idle();
    await probe.settle();
    const reidentified = (await probe.identified()).slice(identifiedBefore);
    expect(reidentified.map((event) => [event.memberId, event.conditionId, event.trigger])).toEqual([
      ['E2E-A', 'diabetes', 'rerun'],
    ]);
  });
});
