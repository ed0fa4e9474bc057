import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { aValidMember, TOPICS } from '@care/contracts';
import {
  claimReceivedMessage,
  createTestEnvironment,
  daysAgo,
  fill,
  type TestEnvironment,
} from '@care/testing';
import { eventMessage, GapsProbe, startCareGaps, type RunningCareGaps } from './support/care-gaps-app';

const ROOT = join(__dirname, '..', '..', '..');
/** A release-shaped test directory: NDC Directory rows, two ValueSets and a mapping (tools/codesets/fixtures). */
const RELEASE_A = join(ROOT, 'tools', 'codesets', 'fixtures', 'release-a');
const BUILT_IN = 'built-in-seed-2026.1';
/** Rosuvastatin 20 mg in the fixture directory (package 68180-0513-1, a 5-4-1 code); not in the seed table. */
const ROSUVASTATIN = '68180051301';
const TODAY = new Date('2026-06-15T12:00:00.000Z');
const clock = { now: (): Date => new Date(TODAY) };

/** `npm run codesets -- <args>`, as an operator runs it (its own process). */
const codesets = (...args: string[]) =>
  promisify(execFile)(
    process.execPath,
    ['-r', '@swc-node/register', 'tools/codesets/codesets-cli.ts', ...args],
    {
      cwd: ROOT,
    },
  );

/**
 * care-gaps with code set releases (issue 21), on the real PostgreSQL and broker: a statin fill the seed table does
 * not know leaves the statin therapy gap open; once a release that classifies it is loaded and the service restarted,
 * the daily review closes the gap, and nothing else is emitted.
 */
describe('care-gaps with a code set release', () => {
  let environment: TestEnvironment;
  let service: RunningCareGaps;
  let probe: GapsProbe;
  let codesetsDir: string;
  /** The release id the second test loaded. */
  let loaded = '';

  beforeAll(async () => {
    environment = await createTestEnvironment();
    codesetsDir = mkdtempSync(join(tmpdir(), 'codesets-gaps-'));
    service = await startCareGaps(environment, { clock }, { CODESETS_DIR: codesetsDir });
    probe = await GapsProbe.start(environment, () => service.dataSource);
  });

  afterAll(async () => {
    await probe.stop();
    await service.close();
    await environment.dispose();
    rmSync(codesetsDir, { recursive: true, force: true });
  });

  it('leaves the statin gap open on a fill the built-in code sets do not classify', async () => {
    await environment.probe.produce(TOPICS.claimReceived.name, [
      claimReceivedMessage(
        fill({ claimId: 'CAD-RX', memberId: 'G-CAD', date: daysAgo(10, TODAY), ndc: ROSUVASTATIN }),
      ),
    ]);
    await environment.probe.produce(TOPICS.memberEligibilityChanged.name, [
      eventMessage(TOPICS.memberEligibilityChanged.name, 'G-CAD', {
        changeType: 'added',
        member: aValidMember({
          memberId: 'G-CAD',
          subscriberId: 'G-CAD',
          sex: 'male',
          birthDate: '1966-05-05',
        }),
        changedFields: [],
      }),
    ]);
    await environment.probe.produce(TOPICS.memberIdentified.name, [
      eventMessage(TOPICS.memberIdentified.name, 'G-CAD', {
        identificationId: randomUUID(),
        memberId: 'G-CAD',
        conditionId: 'coronary-artery-disease',
        conditionName: 'Coronary artery disease',
        ruleId: 'coronary-artery-disease',
        ruleVersion: 'ccw-2023.1',
        catalogVersion: 'conditions-2026.1',
        basis: 'claims',
        firstMetOn: daysAgo(60, TODAY),
        identifiedAt: TODAY.toISOString(),
        trigger: 'claim',
        evidence: { qualifyingClaims: [], supportingFills: [], selfReported: [] },
      }),
    ]);
    await probe.settle();
    const detected = await probe.detected('G-CAD');
    // 60: colorectal screening is due too
    expect(detected.map((event) => [event.ruleId, event.codeSetRelease]).sort()).toEqual([
      ['colorectal-cancer-screening', BUILT_IN],
      ['statin-therapy-cardiovascular', BUILT_IN],
    ]);
    const stored = await service.dataSource.query<Array<{ code_set_release: string }>>(
      `SELECT code_set_release FROM gaps WHERE rule_id = 'statin-therapy-cardiovascular'`,
    );
    expect(stored).toEqual([{ code_set_release: BUILT_IN }]);
    const alerts = await probe.alerts('G-CAD');
    expect(alerts.length).toBeGreaterThan(0);
    expect(new Set(alerts.map((alert) => alert.codeSetRelease))).toEqual(new Set([BUILT_IN]));
    const storedAlerts = await service.dataSource.query<Array<{ code_set_release: string | null }>>(
      `SELECT DISTINCT code_set_release FROM gap_alerts WHERE member_id = 'G-CAD'`,
    );
    expect(storedAlerts).toEqual([{ code_set_release: BUILT_IN }]);
  });

  it('closes it after a release that classifies the fill is loaded and picked up at start-up, and emits nothing else', async () => {
    const { stdout } = await codesets(
      'load',
      RELEASE_A,
      '--into',
      codesetsDir,
      '--max-rejected-share',
      '0.2',
    );
    expect(stdout).toContain('loaded codesets-');
    const before = { detected: (await probe.detected()).length, closed: (await probe.closed()).length };

    await service.close();
    service = await startCareGaps(environment, { clock }, { CODESETS_DIR: codesetsDir });
    const release = (
      await service.dataSource.query<Array<{ release_id: string }>>(
        'SELECT release_id FROM gap_code_set_release',
      )
    )[0]?.release_id;
    expect(release).toMatch(/^codesets-[0-9a-f]{12}$/);
    const reclassified = await service.dataSource.query<Array<{ drug_class: string; rule_ids: string[] }>>(
      `SELECT drug_class, rule_ids FROM gap_claims WHERE claim_id = 'CAD-RX'`,
    );
    expect(reclassified[0]?.drug_class).toBe('statin');

    const summary = await service.review.runDue();
    expect(summary.membersEvaluated).toBe(1);
    await probe.settle();
    const closed = (await probe.closed()).slice(before.closed);
    expect(
      closed.map((event) => [
        event.memberId,
        event.ruleId,
        event.reason,
        event.closingClaimIds,
        event.codeSetRelease,
      ]),
    ).toEqual([['G-CAD', 'statin-therapy-cardiovascular', 'satisfied', ['CAD-RX'], release]]);
    expect((await probe.detected()).length).toBe(before.detected);
    const stored = await service.dataSource.query<
      Array<{ rule_id: string; status: string; close_code_set_release: string | null }>
    >('SELECT rule_id, status, close_code_set_release FROM gaps ORDER BY rule_id');
    expect(stored).toEqual([
      { rule_id: 'colorectal-cancer-screening', status: 'open', close_code_set_release: null },
      { rule_id: 'statin-therapy-cardiovascular', status: 'closed', close_code_set_release: release },
    ]);
    // the member's gaps as the API shows them: the release each was opened and closed with, beside the rule version
    const response = await fetch(`${service.url}/v1/members/G-CAD/gaps`, {
      headers: await environment.bearer('coach-ana'),
    });
    expect(response.status).toBe(200);
    const view = (await response.json()) as {
      gaps: Array<{
        ruleId: string;
        ruleVersion: string;
        codeSetRelease: string | null;
        closeCodeSetRelease: string | null;
      }>;
    };
    expect(
      view.gaps
        .map((gap) => [gap.ruleId, gap.ruleVersion, gap.codeSetRelease, gap.closeCodeSetRelease])
        .sort(),
    ).toEqual([
      ['colorectal-cancer-screening', 'gaps-2026.3', BUILT_IN, null],
      ['statin-therapy-cardiovascular', 'gaps-2026.3', BUILT_IN, release],
    ]);
    loaded = release;
  });

  it('opens a new gap under the loaded release and its alerts name that release and the rule version', async () => {
    // 60 on 31 December, no screening on file: the colorectal screening gap opens (rules of gaps-2026.3).
    await environment.probe.produce(TOPICS.memberEligibilityChanged.name, [
      eventMessage(TOPICS.memberEligibilityChanged.name, 'G-NEW', {
        changeType: 'added',
        member: aValidMember({
          memberId: 'G-NEW',
          subscriberId: 'G-NEW',
          sex: 'male',
          birthDate: '1966-07-07',
        }),
        changedFields: [],
      }),
    ]);
    await probe.settle();
    const detected = await probe.detected('G-NEW');
    expect(detected.map((event) => [event.ruleId, event.ruleVersion, event.codeSetRelease])).toEqual([
      ['colorectal-cancer-screening', 'gaps-2026.3', loaded],
    ]);
    const alerts = await probe.alerts('G-NEW');
    expect(
      alerts.map((alert) => [alert.ruleId, alert.audience, alert.ruleVersion, alert.codeSetRelease]).sort(),
    ).toEqual([
      ['colorectal-cancer-screening', 'member', 'gaps-2026.3', loaded],
      ['colorectal-cancer-screening', 'provider', 'gaps-2026.3', loaded],
    ]);
    const rows = await service.dataSource.query<
      Array<{ audience: string; status: string; rule_version: string; code_set_release: string }>
    >(
      `SELECT audience, status, rule_version, code_set_release FROM gap_alerts WHERE member_id = 'G-NEW'
        ORDER BY audience`,
    );
    expect(rows).toEqual([
      { audience: 'member', status: 'issued', rule_version: 'gaps-2026.3', code_set_release: loaded },
      { audience: 'provider', status: 'issued', rule_version: 'gaps-2026.3', code_set_release: loaded },
    ]);
  });
});
