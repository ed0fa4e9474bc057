import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

interface ProofReport {
  passed: boolean;
  failures: string[];
  faults: Array<{ fault: string; recoverySeconds: number | null; readinessReported?: string[] }>;
  negativeControl: { caught: string[]; missed: string[] };
  clean: { totals: Record<string, number>; applications: Record<string, number> };
  faulted: { totals: Record<string, number>; restarts: Record<string, number> };
}

/**
 * The CI form of `npm run proof`: 20,000 claims through the whole platform (every service its own process, a
 * real Apache Kafka broker, PostgreSQL) while services are SIGKILLed, the broker is away for 30 s, PostgreSQL
 * restarts, casework's group replays from the earliest offsets and condition-identification (3 processes) and
 * care-gaps (2) share their groups; the end state is checked against a clean run of the same input.
 */
describe('the whole-platform fault proof (CI form)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'care-proof-'));
  // The embedded PostgreSQL runs as the `postgres` user, which must reach its data directory inside.
  chmodSync(dir, 0o755);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses and doubles nothing through kills, a broker outage, a database restart, a replay and scale-out', () => {
    const env = { ...process.env };
    // Its own database and broker (the run's shared ones cannot be stopped under the other test files).
    delete env['DATABASE_URL'];
    delete env['KAFKA_BROKERS'];
    // A killed member's partitions move once its session expires: 6 s (the broker's minimum) instead of 30 s.
    env['KAFKA_SESSION_TIMEOUT_MS'] = '6000';
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'tools/care.mjs'), 'proof', '--ci', '--dir', dir],
      {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        timeout: 1_200_000,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (result.status !== 0)
      process.stderr.write(`${result.stdout.slice(-6000)}\n${result.stderr.slice(-4000)}\n`);
    const report = JSON.parse(readFileSync(join(dir, 'proof-report.json'), 'utf8')) as ProofReport;
    expect(report.failures).toEqual([]);
    expect(report.passed).toBe(true);
    expect(result.status).toBe(0);

    // Every kind of fault happened and each was recovered from.
    const faults = report.faults.map((fault) => fault.fault);
    expect(faults.filter((fault) => fault.startsWith('SIGKILL'))).toHaveLength(6);
    expect(faults).toEqual(
      expect.arrayContaining([
        'SIGKILL condition-identification-2',
        'SIGKILL care-gaps-2',
        'broker stopped for 30 s',
        'PostgreSQL restarted',
        'group casework.task-inputs reset to the earliest offsets',
      ]),
    );
    for (const fault of report.faults) expect(fault.recoverySeconds).not.toBeNull();
    // Readiness reported the outage on every service process while the broker was away.
    const outage = report.faults.find((fault) => fault.fault === 'broker stopped for 30 s');
    expect(outage?.readinessReported).toEqual([
      'behavioral-screening',
      'care-gaps-1',
      'care-gaps-2',
      'casework',
      'claims-intake',
      'condition-identification-1',
      'condition-identification-2',
      'condition-identification-3',
      'survey-trigger',
    ]);
    expect(report.faulted.restarts['care-gaps-2']).toBeGreaterThan(0);
    expect(report.faulted.restarts['condition-identification-2']).toBeGreaterThan(0);

    // The same input decided the same things: 20,000 claim versions, and the facts derived from them.
    expect(report.faulted.totals['topic claim-received']).toBeGreaterThanOrEqual(20_000);
    expect(report.faulted.totals).toEqual(report.clean.totals);
    expect(report.clean.totals['table condition_identification.member_conditions']).toBeGreaterThan(0);
    expect(report.clean.totals['table care_gaps.gaps open']).toBeGreaterThan(0);
    expect(report.clean.totals['table casework.tasks not cancelled']).toBeGreaterThan(0);
    // Each consumer group's inbox was read against its topics (every event applied once, in both runs).
    for (const group of [
      'claims-intake.claims-inbound',
      'condition-identification.evidence',
      'care-gaps.gap-inputs',
      'survey-trigger.visits',
      'casework.task-inputs',
    ]) {
      expect(report.clean.applications[group]).toBeGreaterThan(0);
    }

    // The checks can fail: the tampered copy of the run (a gap announced twice, an alert row gone, a condition status
    // gone, an event counted as applied twice in casework's inbox) failed each of them.
    expect(report.negativeControl.missed).toEqual([]);
    expect(report.negativeControl.caught.length).toBeGreaterThanOrEqual(4);
  }, 1_260_000);
});
