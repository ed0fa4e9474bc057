import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { aValidProfessionalClaim, TOPICS } from '@care/contracts';
import { createTestEnvironment, inboundClaimMessage, type TestEnvironment } from '@care/testing';
import { EXIT_LAG_OVER_THRESHOLD, runCareOps } from './care-ops.program';

const INBOUND = TOPICS.claimsInbound.name;

/** Parses a care-ops table back into rows of cells (header names as keys). */
function parseTable(text: string): Array<Record<string, string>> {
  const [header = '', rule = '', ...lines] = text.trimEnd().split('\n');
  const starts: number[] = [];
  for (let i = 0; i < rule.length; i += 1)
    if (rule[i] === '-' && (i === 0 || rule[i - 1] === ' ')) starts.push(i);
  const cells = (line: string): string[] =>
    starts.map((start, index) => line.slice(start, starts[index + 1] ?? line.length).trim());
  const names = cells(header);
  return lines.map((line) =>
    Object.fromEntries(cells(line).map((cell, index) => [names[index] ?? '', cell])),
  );
}

/** The command line, in process and as the npm bin, against the run's real broker. */
describe('care-ops command line', () => {
  let environment: TestEnvironment;
  let group: string;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    group = `${environment.prefix}claims-intake.claims-inbound`;
    await environment.probe.rewindGroup(group, INBOUND);
    await environment.probe.produce(INBOUND, [
      ...Array.from({ length: 5 }, (_, i) =>
        inboundClaimMessage(aValidProfessionalClaim({ claimId: `CLI-${i}` })),
      ),
    ]);
    await environment.probe.produce(`${INBOUND}.dlq`, [
      {
        key: 'CLI-X',
        value: 'not json',
        headers: {
          'dlq-error-code': 'unparseable',
          'dlq-error': 'not JSON',
          'dlq-source-topic': `${environment.prefix}${INBOUND}`,
          'dlq-source-partition': '0',
          'dlq-source-offset': '0',
          'dlq-consumer-group': group,
          'dlq-failed-at': '2026-01-02T03:04:05.000Z',
        },
      },
    ]);
    await environment.faults.createTopics([{ name: `${environment.prefix}not-in-catalog`, partitions: 1 }]);
  });

  afterAll(async () => {
    await environment.dispose();
  });

  const run = async (...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    let stdout = '';
    let stderr = '';
    const code = await runCareOps(argv, {
      env: { KAFKA_BROKERS: environment.brokers.join(','), KAFKA_TOPIC_PREFIX: environment.prefix },
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      progress: false,
    });
    return { code, stdout, stderr };
  };

  it('answers --help with exit 0 and a command line it cannot parse with exit 2', async () => {
    expect((await run('--help')).code).toBe(0);
    expect((await run('--bogus')).code).toBe(2);
    expect((await run('dlq', 'nonsense')).code).toBe(2);
  });

  it('lag: --json parses and matches the table, and the exit status reflects the threshold', async () => {
    const table = await run('lag', '--max-lag', '100');
    const json = await run('--json', 'lag', '--max-lag', '100');
    const over = await run('lag', '--max-lag', '2');

    expect([table.code, json.code, over.code]).toEqual([0, 0, EXIT_LAG_OVER_THRESHOLD]);
    // Every group the catalog declares is shown, those that never committed said so.
    expect(table.stdout).toContain(`${environment.prefix}casework.task-inputs`);
    expect(table.stderr).toContain(`committed nothing yet: ${environment.prefix}behavioral-screening.case-opened`);
    expect(parseTable(table.stdout).some((row) => row['committed'] === 'nothing')).toBe(true);
    expect(over.stderr).toContain('over threshold');
    const parsed = JSON.parse(json.stdout) as {
      partitions: Array<{ group: string; topic: string; partition: number; lag: number }>;
    };
    const rows = parseTable(table.stdout);
    expect(
      rows.map((row) => [row['group'], row['topic'], Number(row['partition']), Number(row['lag'])]),
    ).toEqual(parsed.partitions.map((row) => [row.group, row.topic, row.partition, row.lag]));
    expect(
      parsed.partitions.filter((row) => row.group === group).reduce((sum, row) => sum + row.lag, 0),
    ).toBe(5);
  });

  it('topics: --json matches the table, with catalog topics and an unknown topic marked as such', async () => {
    const table = parseTable((await run('topics', '--sample-ms', '200')).stdout);
    const json = JSON.parse((await run('--json', 'topics', '--sample-ms', '200')).stdout) as Array<{
      topic: string;
      kind: string;
      partitions: number;
      endOffset: number;
    }>;

    expect(
      table.map((row) => [row['topic'], row['kind'], Number(row['partitions']), Number(row['end offset'])]),
    ).toEqual(json.map((row) => [row.topic, row.kind, row.partitions, row.endOffset]));
    expect(json.find((row) => row.topic === INBOUND)).toMatchObject({ kind: 'catalog', endOffset: 5 });
    expect(json.find((row) => row.topic === 'not-in-catalog')).toMatchObject({
      kind: 'unknown',
      partitions: 1,
    });
  });

  it('dlq list: --json matches the table; dlq show masks a non-JSON payload and refuses --reveal without a reason', async () => {
    const table = parseTable((await run('dlq', 'list', INBOUND)).stdout);
    const json = JSON.parse((await run('--json', 'dlq', 'list', INBOUND)).stdout) as Array<{
      offset: string;
      errorCode: string;
      consumerGroup: string;
    }>;
    const shown = JSON.parse((await run('--json', 'dlq', 'show', INBOUND, json[0]?.offset ?? '')).stdout) as {
      payload: unknown;
    };
    const refused = await run('dlq', 'show', INBOUND, json[0]?.offset ?? '', '--reveal');

    expect(table.map((row) => [row['offset'], row['code'], row['group']])).toEqual(
      json.map((row) => [row.offset, row.errorCode, row.consumerGroup]),
    );
    expect(json).toHaveLength(1);
    expect(shown.payload).toBe('<8 bytes, not JSON; use --reveal to show>');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--reason');
  });

  it('runs as the npm bin from .stack-less environment variables', () => {
    const started = Date.now();
    const result = spawnSync(
      process.execPath,
      [join(__dirname, 'care-ops.js'), '--json', 'lag', '--max-lag', '2'],
      {
        env: {
          ...process.env,
          KAFKA_BROKERS: environment.brokers.join(','),
          KAFKA_TOPIC_PREFIX: environment.prefix,
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );

    expect(result.status).toBe(EXIT_LAG_OVER_THRESHOLD);
    expect((JSON.parse(result.stdout) as { overThreshold: boolean }).overThreshold).toBe(true);
    // A figure, not an assertion: the whole command, Node start and TypeScript compilation included.
    process.stdout.write(`care-ops lag as the npm bin: ${Date.now() - started} ms\n`);
  });
});
