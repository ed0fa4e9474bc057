import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TOPICS } from '@care/contracts';
import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import {
  claimReceivedMessage,
  daysAgo,
  fill,
  officeVisit,
  startConditionIdentification,
  type RunningConditionIdentification,
} from './support/condition-identification-app';
import { IdentificationProbe } from './support/identification-probe';

/** A release-shaped test directory: NDC Directory rows, two ValueSets and a mapping (tools/codesets/fixtures). */
const RELEASE_A = join(__dirname, '..', '..', '..', 'tools', 'codesets', 'fixtures', 'release-a');
const BUILT_IN = 'built-in-seed-2026.1';
const ROOT = join(__dirname, '..', '..', '..');

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
 * condition-identification with code set releases (issue 21), against a real PostgreSQL and a real Kafka-protocol
 * broker: it starts on the built-in code sets, a release is loaded with the `codesets` command, and the next start
 * reclassifies the stored fills and re-runs everyone, emitting only the differences.
 */
describe('condition-identification with a code set release', () => {
  let environment: TestEnvironment;
  let service: RunningConditionIdentification;
  let probe: IdentificationProbe;
  let codesetsDir: string;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    codesetsDir = mkdtempSync(join(tmpdir(), 'codesets-int-'));
    service = await startConditionIdentification(environment, {}, { CODESETS_DIR: codesetsDir });
    probe = await IdentificationProbe.start(environment, () => service.dataSource);
  });

  afterAll(async () => {
    await probe.stop();
    await service.close();
    await environment.dispose();
    rmSync(codesetsDir, { recursive: true, force: true });
  });

  const publish = (...messages: Array<{ key: string; value: string }>) =>
    environment.probe.produce(TOPICS.claimReceived.name, messages);

  it('decides with the built-in code sets while no release is loaded, and records them', async () => {
    await publish(
      // metformin of the seed table: diabetes on fills (claims carry 11-digit NDCs; the contract refuses other forms)
      claimReceivedMessage(
        fill({ claimId: 'SEED-1', memberId: 'M-SEED', date: daysAgo(60), ndc: '00093104801' }),
      ),
      claimReceivedMessage(
        fill({ claimId: 'SEED-2', memberId: 'M-SEED', date: daysAgo(30), ndc: '00093104810' }),
      ),
      // empagliflozin/metformin, an NDC the seed table does not know: nothing yet
      claimReceivedMessage(
        fill({ claimId: 'NEW-1', memberId: 'M-NEW', date: daysAgo(60), ndc: '00597015960' }),
      ),
      claimReceivedMessage(
        fill({ claimId: 'NEW-2', memberId: 'M-NEW', date: daysAgo(30), ndc: '00597015960' }),
      ),
      // Wegovy (semaglutide for weight management, 0169-4525-14 in the fixture): no diabetes now or with the release
      claimReceivedMessage(
        fill({ claimId: 'WL-1', memberId: 'M-WEGOVY', date: daysAgo(60), ndc: '00169452514' }),
      ),
      claimReceivedMessage(
        fill({ claimId: 'WL-2', memberId: 'M-WEGOVY', date: daysAgo(30), ndc: '00169452514' }),
      ),
      // diabetes with chronic kidney disease (E11.22) on two dates: diabetes under the built-in prefix E11
      claimReceivedMessage(
        officeVisit({ claimId: 'VS-1', memberId: 'M-VS', date: daysAgo(50), codes: ['E11.22'] }),
      ),
      claimReceivedMessage(
        officeVisit({ claimId: 'VS-2', memberId: 'M-VS', date: daysAgo(20), codes: ['E11.22'] }),
      ),
    );
    await probe.settle();
    const identified = await probe.identified();
    expect(
      identified
        .filter((event) => event.conditionId === 'diabetes')
        .map((event) => [event.memberId, event.codeSetRelease])
        .sort(),
    ).toEqual([
      ['M-SEED', BUILT_IN],
      ['M-VS', BUILT_IN],
    ]);
    expect(await probe.identified('M-NEW')).toEqual([]);
  });

  it('a release loaded and picked up at the next start reclassifies stored fills and emits only the differences', async () => {
    const { stdout } = await codesets(
      'load',
      RELEASE_A,
      '--into',
      codesetsDir,
      '--max-rejected-share',
      '0.2',
    );
    expect(stdout).toContain(`loaded codesets-`);
    const before = {
      identified: (await probe.identified()).length,
      retracted: (await probe.retracted()).length,
    };

    await service.close();
    service = await startConditionIdentification(environment, {}, { CODESETS_DIR: codesetsDir });
    await service.reruns.idle();
    await probe.settle();

    const release = (
      await service.dataSource.query<Array<{ release_id: string }>>('SELECT release_id FROM code_set_release')
    )[0]?.release_id;
    expect(release).toMatch(/^codesets-[0-9a-f]{12}$/);
    // M-NEW's fills are now SGLT2 inhibitor fills: identified by the start-up re-run, with the release recorded
    const identified = (await probe.identified()).slice(before.identified);
    expect(
      identified.map((event) => [event.memberId, event.conditionId, event.trigger, event.codeSetRelease]),
    ).toEqual([['M-NEW', 'diabetes', 'rerun', release]]);
    // two fills of a weight-management GLP-1 product do not identify diabetes (the release leaves Wegovy unclassified)
    expect(await probe.identified('M-WEGOVY')).toEqual([]);
    // the release's diabetes value set does not hold E11.22: M-VS's diabetes is retracted, and nothing else changes
    const retracted = (await probe.retracted()).slice(before.retracted);
    expect(
      retracted.map((event) => [event.memberId, event.conditionId, event.reason, event.codeSetRelease]),
    ).toEqual([['M-VS', 'diabetes', 'rule-changed', release]]);
    const stored = await service.dataSource.query<Array<{ code_set_release: string | null }>>(
      `SELECT code_set_release FROM identifications WHERE member_id = 'M-NEW'`,
    );
    expect(stored).toEqual([{ code_set_release: release }]);
    // the retraction records what decided it beside what the identification was made with: same rule version
    // (ccw-2023.1), the new release
    const vs = await service.dataSource.query<
      Array<{
        rule_version: string;
        code_set_release: string | null;
        retraction_reason: string | null;
        retraction_rule_version: string | null;
        retraction_code_set_release: string | null;
      }>
    >(
      `SELECT rule_version, code_set_release, retraction_reason, retraction_rule_version, retraction_code_set_release
         FROM identifications WHERE member_id = 'M-VS' AND condition_id = 'diabetes'`,
    );
    expect(vs).toEqual([
      {
        rule_version: 'ccw-2023.1',
        code_set_release: BUILT_IN,
        retraction_reason: 'rule-changed',
        retraction_rule_version: 'ccw-2023.1',
        retraction_code_set_release: release,
      },
    ]);
    // the member view shows the release beside the rule version, for today's evaluation and in the history
    const response = await fetch(`${service.url}/v1/members/M-VS/conditions`, {
      headers: await environment.bearer('coach-ana'),
    });
    expect(response.status).toBe(200);
    const view = (await response.json()) as {
      conditions: Array<{ conditionId: string; ruleVersion: string; codeSetRelease: string }>;
      history: Array<{
        conditionId: string;
        codeSetRelease: string | null;
        retractionRuleVersion: string | null;
        retractionCodeSetRelease: string | null;
      }>;
    };
    expect(
      view.conditions
        .filter((condition) => condition.conditionId === 'diabetes')
        .map((condition) => [condition.ruleVersion, condition.codeSetRelease]),
    ).toEqual([['ccw-2023.1', release]]);
    expect(
      view.history
        .filter((item) => item.conditionId === 'diabetes')
        .map((item) => [item.codeSetRelease, item.retractionRuleVersion, item.retractionCodeSetRelease]),
    ).toEqual([[BUILT_IN, 'ccw-2023.1', release]]);
  });

  it('a restart with the same release changes nothing', async () => {
    const before = {
      identified: (await probe.identified()).length,
      retracted: (await probe.retracted()).length,
    };
    await service.close();
    service = await startConditionIdentification(environment, {}, { CODESETS_DIR: codesetsDir });
    await service.reruns.idle();
    await probe.settle();
    expect({
      identified: (await probe.identified()).length,
      retracted: (await probe.retracted()).length,
    }).toEqual(before);
    const reruns = await service.dataSource.query<Array<{ reason: string }>>(
      'SELECT reason FROM identification_reruns',
    );
    expect(reruns.map((row) => row.reason)).toEqual([
      expect.stringMatching(/^rule versions changed: code sets: built-in-seed-2026\.1 -> codesets-/),
    ]);
  });
});
