import { randomUUID } from 'node:crypto';
import { GAP_RULE_CATALOG_VERSION, GAP_RULES, type GapRule } from '@care/clinical';
import {
  aValidInstitutionalClaim,
  aValidMember,
  deadLetterTopicOf,
  TEST_NPIS,
  TOPICS,
  type ClaimSubmission,
  type MemberRecord,
} from '@care/contracts';
import {
  claimReceivedMessage,
  createTestEnvironment,
  daysAgo,
  fill,
  officeVisit,
  type TestEnvironment,
} from '@care/testing';
import { eventMessage, GapsProbe, startCareGaps, type RunningCareGaps } from './support/care-gaps-app';

const METFORMIN = '00093104801';
/**
 * The tests run as of a fixed mid-year day (every claim is dated before it, so none is in the future whatever day
 * the suite runs), which keeps the measurement year from turning over while the clock is moved forward.
 */
const TODAY = new Date('2026-06-15T12:00:00.000Z');
const before = (days: number): string => daysAgo(days, TODAY);

/** A clock the test moves: claims age without waiting. */
const clock = {
  instant: new Date(TODAY),
  now(): Date {
    return new Date(this.instant);
  },
};

/** care-gaps on its own, fed its input topics directly, on the real PostgreSQL and broker. */
describe('care-gaps', () => {
  let environment: TestEnvironment;
  let service: RunningCareGaps;
  let probe: GapsProbe;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    service = await startCareGaps(environment, { clock });
    probe = await GapsProbe.start(environment, () => service.dataSource);
  });

  afterAll(async () => {
    await probe.stop();
    await service.close();
    await environment.dispose();
  });

  const roster = (...members: MemberRecord[]) =>
    environment.probe.produce(
      TOPICS.memberEligibilityChanged.name,
      members.map((member) =>
        eventMessage(TOPICS.memberEligibilityChanged.name, member.memberId, {
          changeType: 'added',
          member,
          changedFields: [],
        }),
      ),
    );
  const identified = (memberId: string, conditionId: string) =>
    environment.probe.produce(TOPICS.memberIdentified.name, [
      eventMessage(TOPICS.memberIdentified.name, memberId, {
        identificationId: randomUUID(),
        memberId,
        conditionId,
        conditionName: conditionId,
        ruleId: conditionId,
        ruleVersion: 'ccw-2023.1',
        catalogVersion: 'conditions-2026.1',
        basis: 'claims',
        firstMetOn: before(30),
        identifiedAt: new Date().toISOString(),
        trigger: 'claim',
        evidence: { qualifyingClaims: [], supportingFills: [], selfReported: [] },
      }),
    ]);
  const claims = (...items: Parameters<typeof claimReceivedMessage>[0][]) =>
    environment.probe.produce(
      TOPICS.claimReceived.name,
      items.map((claim) => claimReceivedMessage(claim)),
    );
  const openRules = async (memberId: string): Promise<string[]> => {
    const detected = await probe.detected(memberId);
    const closed = new Set((await probe.closed(memberId)).map((event) => event.gapId));
    return detected
      .filter((event) => !closed.has(event.gapId))
      .map((event) => event.ruleId)
      .sort();
  };

  it('opens gaps only when the roster says who the member is, and closes them claim by claim', async () => {
    // A claim for a member not on the roster yet opens nothing: age and sex are unknown.
    await claims(officeVisit({ claimId: 'W-1', memberId: 'G-W', date: before(40), codes: ['Z00.00'] }));
    await probe.settle();
    expect(await probe.detected('G-W')).toEqual([]);

    // A woman of 60 with a mammogram on 1 October 2024 (the first day of the 2026 window: 1 October two years before)
    // and a colonoscopy 9 years ago (June 2017; the 2026 window opens on 1 January 2017): nothing open.
    await claims(
      officeVisit({
        claimId: 'W-MAM',
        memberId: 'G-W',
        date: '2024-10-01',
        codes: ['Z12.31'],
        procedureCodes: ['77067'],
      }),
      officeVisit({
        claimId: 'W-COL',
        memberId: 'G-W',
        date: before(9 * 365),
        codes: ['Z12.11'],
        procedureCodes: ['45378'],
      }),
    );
    await roster(
      aValidMember({
        memberId: 'G-W',
        subscriberId: 'G-W',
        sex: 'female',
        birthDate: `${TODAY.getUTCFullYear() - 60}-03-01`,
      }),
    );
    await probe.settle();
    expect(await openRules('G-W')).toEqual([]);
  });

  it('opens the gaps of an identified condition and closes them as the services arrive', async () => {
    await claims(
      officeVisit({
        claimId: 'D-COL',
        memberId: 'G-D',
        date: before(400),
        codes: ['Z12.11'],
        procedureCodes: ['45378'],
      }),
    );
    await probe.settle();
    await roster(
      aValidMember({ memberId: 'G-D', subscriberId: 'G-D', sex: 'male', birthDate: '1961-05-05' }),
    );
    await identified('G-D', 'diabetes');
    await probe.settle();
    // 65: the diabetes statin measure applies too (HEDIS SPD: diabetes 40-75, no antidiabetic fill needed)
    expect(await openRules('G-D')).toEqual([
      'diabetes-eye-exam',
      'diabetes-hba1c-poor-control',
      'diabetes-hba1c-testing',
      'diabetes-kidney-health-evaluation',
      'statin-therapy-diabetes',
    ]);

    await claims(
      officeVisit({
        claimId: 'D-A1C',
        memberId: 'G-D',
        date: before(3),
        codes: ['E11.9'],
        procedureCodes: ['83036'],
        lab: { loincCode: '4548-4', value: 7.0, unit: '%' },
      }),
      officeVisit({
        claimId: 'D-EYE',
        memberId: 'G-D',
        date: before(3),
        codes: ['E11.9'],
        procedureCodes: ['92250'],
      }),
      // eGFR alone does not close the kidney evaluation: the urine albumin-creatinine ratio is missing
      officeVisit({
        claimId: 'D-EGFR',
        memberId: 'G-D',
        date: before(3),
        codes: ['E11.9'],
        procedureCodes: ['80053'],
      }),
    );
    await probe.settle();
    expect(await openRules('G-D')).toEqual(['diabetes-kidney-health-evaluation', 'statin-therapy-diabetes']);
    const closed = await probe.closed('G-D');
    expect(closed.map((event) => [event.ruleId, event.reason, event.closingClaimIds]).sort()).toEqual([
      ['diabetes-eye-exam', 'satisfied', ['D-EYE']],
      ['diabetes-hba1c-poor-control', 'satisfied', ['D-A1C']],
      ['diabetes-hba1c-testing', 'satisfied', ['D-A1C']],
    ]);
  });

  it('suppresses a second alert for the same rule within the window, and never alerts twice for one gap', async () => {
    const first = (await probe.alerts('G-D')).filter(
      (alert) => alert.ruleId === 'diabetes-hba1c-poor-control',
    );
    expect(first.map((alert) => alert.audience).sort()).toEqual(['member', 'provider']);
    // Each alert names the rule version and the code set release its gap was decided with (issue 21): the rules of
    // gaps-2026.3 and, with no CODESETS_DIR, the built-in code sets.
    expect(first.map((alert) => [alert.ruleVersion, alert.codeSetRelease])).toEqual([
      ['gaps-2026.3', 'built-in-seed-2026.1'],
      ['gaps-2026.3', 'built-in-seed-2026.1'],
    ]);
    const rows = await service.dataSource.query<
      Array<{ audience: string; rule_version: string | null; code_set_release: string | null }>
    >(
      `SELECT audience, rule_version, code_set_release FROM gap_alerts
        WHERE member_id = 'G-D' AND rule_id = 'diabetes-hba1c-poor-control' ORDER BY audience`,
    );
    expect(rows).toEqual([
      { audience: 'member', rule_version: 'gaps-2026.3', code_set_release: 'built-in-seed-2026.1' },
      { audience: 'provider', rule_version: 'gaps-2026.3', code_set_release: 'built-in-seed-2026.1' },
    ]);
    await claims(
      officeVisit({
        claimId: 'D-A1C-2',
        memberId: 'G-D',
        date: before(1),
        codes: ['E11.65'],
        procedureCodes: ['83036'],
        lab: { loincCode: '4548-4', value: 9.6, unit: '%' },
      }),
    );
    await probe.settle();
    const reopened = (await probe.detected('G-D')).filter(
      (event) => event.ruleId === 'diabetes-hba1c-poor-control',
    );
    expect(reopened.map((event) => event.reason)).toEqual(['no-result', 'poor-control']);
    const after = (await probe.alerts('G-D')).filter(
      (alert) => alert.ruleId === 'diabetes-hba1c-poor-control',
    );
    expect(after).toHaveLength(2); // the new occurrence's alerts were suppressed: alerted 0 days ago
    const view = (await (
      await fetch(`${service.url}/v1/members/G-D/gaps`, { headers: await environment.bearer('coach-ana') })
    ).json()) as {
      gaps: Array<{
        ruleId: string;
        status: string;
        alerts: Array<{ status: string; reason: string | null }>;
      }>;
    };
    const current = view.gaps.find(
      (gap) => gap.ruleId === 'diabetes-hba1c-poor-control' && gap.status === 'open',
    );
    expect(current?.alerts.map((alert) => [alert.status, alert.reason])).toEqual([
      ['suppressed', 'recently-alerted'],
      ['suppressed', 'recently-alerted'],
    ]);
  });

  it('opens gaps on the daily review as time passes: a refill falls due, a screening stays in its window', async () => {
    await roster(
      aValidMember({ memberId: 'G-R', subscriberId: 'G-R', sex: 'male', birthDate: '1980-01-01' }),
    );
    await claims(fill({ claimId: 'R-MET', memberId: 'G-R', date: before(20), ndc: METFORMIN }));
    await probe.settle();
    expect(await openRules('G-R')).toEqual(['colorectal-cancer-screening']); // 46, never screened
    expect(await openRules('G-W')).toEqual([]);

    expect(await service.review.runDue()).toMatchObject({ ran: true, opened: 0 });
    clock.instant = new Date(TODAY.getTime() + 30 * 24 * 3600 * 1000);
    try {
      const review = await service.review.runDue();
      expect(review).toMatchObject({ ran: true, opened: 1 });
      await probe.settle();
      // metformin filled 50 days ago for 30 days: due by day 45 (30 + 15 grace)
      const refill = (await probe.detected('G-R')).find((event) => event.ruleId === 'late-refill');
      expect(refill).toMatchObject({ reason: 'refill-late', providerNpi: TEST_NPIS.prescriber });
      // the mammogram is 21 months and 2 weeks old but stays in the 2026 window, which moves only on 1 January
      expect(await openRules('G-W')).toEqual([]);
      expect(await service.review.runDue()).toMatchObject({ opened: 0, closed: 0 });
    } finally {
      clock.instant = new Date(TODAY);
    }
  });

  it('lists gaps by rule and status with paging, gives the doctor their list, and names bad parameters', async () => {
    const page = async (query: string) =>
      (await (
        await fetch(`${service.url}/v1/gaps?${query}`, {
          headers: await environment.bearer('supervisor-dee'),
        })
      ).json()) as {
        items: Array<{ gapId: string; memberId: string; ruleId: string }>;
        nextCursor: string | null;
      };
    const first = await page('status=open&limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBe(first.items[0]?.gapId);
    const second = await page(`status=open&limit=1&cursor=${String(first.nextCursor)}`);
    expect(second.items[0]?.gapId > (first.items[0]?.gapId ?? '')).toBe(true);
    const refills = await page('rule=late-refill&status=open');
    expect(refills.items.map((item) => item.memberId)).toEqual(['G-R']);
    expect(refills.nextCursor).toBeNull();

    // The prescriber's practice user sees their list; another practice's NPI reads as not found, and is audited.
    const practice = await environment.bearer('provider-pia');
    const doctor = (await (
      await fetch(`${service.url}/v1/providers/${TEST_NPIS.prescriber}/gaps`, { headers: practice })
    ).json()) as {
      items: Array<{ ruleId: string; memberId: string }>;
    };
    expect(doctor.items.map((item) => item.ruleId)).toEqual(['late-refill']);
    const elsewhere = await fetch(`${service.url}/v1/providers/${TEST_NPIS.rendering}/gaps`, {
      headers: practice,
    });
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'provider not found',
    });
    const trail = await service.dataSource.query<
      Array<{ action: string; resource_id: string; member_id: string | null; outcome: string; route: string }>
    >(
      "SELECT action, resource_id, member_id, outcome, route FROM read_audit WHERE actor = 'provider-pia' ORDER BY entry_id",
    );
    expect(trail).toEqual([
      ...[...new Set(doctor.items.map((item) => item.memberId))].map((memberId) => ({
        action: 'provider-gaps.read',
        resource_id: memberId,
        member_id: memberId,
        outcome: 'allowed',
        route: 'GET /v1/providers/:npi/gaps',
      })),
      {
        action: 'provider-gaps.read',
        resource_id: TEST_NPIS.rendering,
        member_id: null,
        outcome: 'denied',
        route: 'GET /v1/providers/:npi/gaps',
      },
    ]);

    const bad = await fetch(`${service.url}/v1/gaps?status=bogus&limit=0`, {
      headers: await environment.bearer('supervisor-dee'),
    });
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { issues: Array<{ field: string }> }).issues.map(
      (issue) => issue.field,
    );
    expect(fields.sort()).toEqual(['limit', 'status']);
    expect((await fetch(`${service.url}/v1/providers/123/gaps`, { headers: practice })).status).toBe(400);
  });

  it('issues no alert about a member who declined the care program, but still tracks their gaps', async () => {
    await environment.probe.produce(TOPICS.programEnrollmentChanged.name, [
      eventMessage(TOPICS.programEnrollmentChanged.name, 'G-E', {
        memberId: 'G-E',
        programId: 'chronic-condition-management',
        status: 'declined',
        changedAt: new Date().toISOString(),
      }),
    ]);
    await probe.settle(); // inputs on different topics have no order between them: the decline comes first here
    await roster(
      aValidMember({ memberId: 'G-E', subscriberId: 'G-E', sex: 'male', birthDate: '1990-01-01' }),
    );
    await identified('G-E', 'diabetes');
    await probe.settle();
    expect(await openRules('G-E')).toEqual([
      'diabetes-eye-exam',
      'diabetes-hba1c-poor-control',
      'diabetes-hba1c-testing',
      'diabetes-kidney-health-evaluation',
    ]);
    expect(await probe.alerts('G-E')).toEqual([]);
  });

  it('excludes a member on an institutional hospice claim (revenue code and type of bill, no hospice HCPCS) of the measurement year', async () => {
    // Issue 21, gaps-2026.3: UB-04 revenue codes 0115 ... 0659 and types of bill 081x, 082x are hospice too.
    const institutional = (
      claimId: string,
      date: string,
      typeOfBill: string,
      revenueCode: string,
    ): ClaimSubmission =>
      aValidInstitutionalClaim({
        claimId,
        memberId: 'G-H',
        typeOfBill,
        serviceDateFrom: date,
        serviceDateTo: date,
        diagnoses: [{ code: 'C34.90' }],
        lines: [
          { lineNumber: 1, revenueCode, serviceDate: date, units: 1, chargedAmount: 900, paidAmount: 700 },
        ],
        totalChargedAmount: 900,
        totalPaidAmount: 700,
      });
    await roster(
      aValidMember({ memberId: 'G-H', subscriberId: 'G-H', sex: 'male', birthDate: '1970-01-01' }),
    );
    await identified('G-H', 'diabetes');
    await probe.settle();
    // 56 on 31 December 2026 with diabetes, no service on file: the four diabetes gaps, the diabetes statin measure
    // (40-75) and colorectal screening (45-75) are open.
    const open = [
      'colorectal-cancer-screening',
      'diabetes-eye-exam',
      'diabetes-hba1c-poor-control',
      'diabetes-hba1c-testing',
      'diabetes-kidney-health-evaluation',
      'statin-therapy-diabetes',
    ];
    expect(await openRules('G-H')).toEqual(open);

    // Hospice revenue code 0651 on a hospice bill dated 31 December 2025 is last year's; respite care 0660 on an
    // inpatient bill 0111 this year is not hospice: nothing closes.
    await claims(
      institutional('H-LAST-YEAR', '2025-12-31', '0811', '0651'),
      institutional('H-RESPITE', before(30), '0111', '0660'),
    );
    await probe.settle();
    expect(await openRules('G-H')).toEqual(open);
    expect(await probe.closed('G-H')).toEqual([]);

    // Hospice services revenue code 0651 on a hospice bill 0811 on 1 January 2026: every open gap closes as excluded.
    await claims(institutional('H-HOSPICE', '2026-01-01', '0811', '0651'));
    await probe.settle();
    expect(await openRules('G-H')).toEqual([]);
    const closed = await probe.closed('G-H');
    expect(
      closed.map((event) => [event.ruleId, event.reason, event.closingClaimIds, event.ruleVersion]).sort(),
    ).toEqual(open.map((ruleId) => [ruleId, 'excluded', [], 'gaps-2026.3']));
    const rows = await service.dataSource.query<
      Array<{ claim_id: string; revenue_codes: string[]; type_of_bill: string | null; rules: number }>
    >(
      `SELECT claim_id, revenue_codes, type_of_bill, cardinality(rule_ids)::int AS rules FROM gap_claims
        WHERE member_id = 'G-H' ORDER BY claim_id`,
    );
    // kept with its codes for every rule; the respite claim concerns none and keeps only its identity
    expect(rows).toEqual([
      { claim_id: 'H-HOSPICE', revenue_codes: ['0651'], type_of_bill: '0811', rules: GAP_RULES.length },
      { claim_id: 'H-LAST-YEAR', revenue_codes: ['0651'], type_of_bill: '0811', rules: GAP_RULES.length },
      { claim_id: 'H-RESPITE', revenue_codes: [], type_of_bill: null, rules: 0 },
    ]);
  });

  it('re-evaluates every member once under a new rule catalog and emits only what changed', async () => {
    // A catalog where colorectal screening starts at 50: G-R (46) is no longer eligible, nobody else changes. The clock
    // is where G-R was last evaluated (30 days on), so time alone changes nothing.
    const next = 'gaps-test-next';
    const rules = GAP_RULES.map((rule): GapRule =>
      rule.id === 'colorectal-cancer-screening'
        ? { ...rule, version: next, eligibility: [{ anyCondition: [], minAge: 50, maxAge: 75 }] }
        : rule,
    );
    clock.instant = new Date(TODAY.getTime() + 30 * 24 * 3600 * 1000);
    await service.close();
    service = await startCareGaps(environment, { clock, catalog: { version: next, rules } });
    try {
      const review = await service.review.runDue();
      expect(review).toMatchObject({ ran: true, catalogChanged: true, opened: 0, closed: 1 });
      expect(review.membersEvaluated).toBeGreaterThanOrEqual(4); // G-W, G-D, G-R, G-E at least
      await probe.settle();
      const closed = (await probe.closed('G-R')).filter(
        (event) => event.ruleId === 'colorectal-cancer-screening',
      );
      expect(closed.map((event) => event.reason)).toEqual(['no-longer-eligible']);
      // the same catalog again: nobody is made due
      expect(await service.review.runDue()).toMatchObject({ catalogChanged: false, membersEvaluated: 0 });
    } finally {
      await service.close();
      clock.instant = new Date(TODAY);
      service = await startCareGaps(environment, { clock });
    }
  });

  it('moves the screening windows on 1 January: the mammogram and the colonoscopy leave them for 2027', async () => {
    clock.instant = new Date('2026-12-31T12:00:00.000Z');
    try {
      // the default catalog is adopted again: every member is evaluated as of 31 December
      expect(await service.review.runDue()).toMatchObject({ catalogChanged: true });
      expect(GAP_RULE_CATALOG_VERSION).toBe('gaps-2026.3');
      await probe.settle();
      expect(await openRules('G-W')).toEqual([]);
      // 2027: mammography from 1 October 2025, colonoscopy from 1 January 2018
      clock.instant = new Date('2027-01-01T12:00:00.000Z');
      await service.review.runDue();
      await probe.settle();
      expect(await openRules('G-W')).toEqual(['breast-cancer-screening', 'colorectal-cancer-screening']);
    } finally {
      clock.instant = new Date(TODAY);
    }
  });

  it('dead-letters a poison input and keeps going', async () => {
    await environment.probe.produce(TOPICS.memberEligibilityChanged.name, [
      { key: 'G-P', value: '{"not": "an envelope"}' },
    ]);
    await roster(
      aValidMember({ memberId: 'G-P', subscriberId: 'G-P', sex: 'male', birthDate: '1970-01-01' }),
    );
    await probe.settle();
    expect(await environment.probe.count(deadLetterTopicOf(TOPICS.memberEligibilityChanged.name))).toBe(1);
    expect(await openRules('G-P')).toEqual(['colorectal-cancer-screening']);
  });
});
