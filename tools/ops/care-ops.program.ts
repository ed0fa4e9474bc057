import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import {
  listDeadLetters,
  measureConsumerLag,
  OpsConnection,
  replayDeadLetters,
  reportTopics,
  showDeadLetter,
  type DeadLetterPosition,
} from '@care/messaging';
import { SingleBar } from 'cli-progress';
import { Command, CommanderError, InvalidArgumentError } from 'commander';

/** Where the command writes; the real process by default, buffers in tests. */
export interface CareOpsIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Show progress bars (on stderr); default when stderr is a terminal. */
  readonly progress?: boolean;
  /** The `.stack/env` file read when KAFKA_BROKERS is unset. */
  readonly stackEnvFile?: string;
}

/** Exit status when `lag` finds a group over its threshold (1 is an error). */
export const EXIT_LAG_OVER_THRESHOLD = 2;

const DEFAULT_STACK_ENV = join(__dirname, '..', '..', '.stack', 'env');

type Row = Record<string, string | number | boolean | null>;

/** Runs `care-ops` with `argv` (without node and script); resolves to the exit status. */
export async function runCareOps(argv: readonly string[], io: CareOpsIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('care-ops')
    .description("Operations on the platform's Kafka topics, consumer groups and dead letters")
    .option('--json', 'machine-readable JSON on stdout instead of tables')
    .option('--brokers <list>', 'Kafka bootstrap servers (default KAFKA_BROKERS, else .stack/env)')
    .option('--prefix <prefix>', 'environment topic prefix (default KAFKA_TOPIC_PREFIX, else none)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const globals = (): { json: boolean; brokers?: string; prefix?: string } =>
    program.opts<{ json?: boolean; brokers?: string; prefix?: string }>() as {
      json: boolean;
      brokers?: string;
      prefix?: string;
    };
  const print = (rows: readonly Row[], json: unknown): void => {
    io.stdout(globals().json ? `${JSON.stringify(json, null, 2)}\n` : renderTable(rows));
  };
  const withConnection = async <T>(work: (connection: OpsConnection) => Promise<T>): Promise<T> => {
    const settings = connectionSettings(globals(), io);
    const connection = await OpsConnection.connect(settings);
    try {
      return await work(connection);
    } finally {
      await connection.disconnect();
    }
  };
  const progress = (label: string): { update: (done: number, total: number) => void; stop: () => void } => {
    if (!(io.progress ?? process.stderr.isTTY)) return { update: () => undefined, stop: () => undefined };
    const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream: process.stderr });
    let started = false;
    return {
      update: (done, total) => {
        if (!started) bar.start(total, done);
        started = true;
        bar.setTotal(total);
        bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  };

  program
    .command('topics')
    .description('catalog topics with partitions, end offsets and messages/s; unknown topics marked as such')
    .option('--sample-ms <ms>', 'rate sample length', integer, 2000)
    .action(async (options: { sampleMs: number }) => {
      const bar = progress('sampling');
      const rows = await withConnection((connection) =>
        reportTopics(connection, { sampleMs: options.sampleMs, onProgress: bar.update }),
      ).finally(bar.stop);
      print(
        rows.map((row) => ({
          topic: row.topic,
          kind: row.kind,
          partitions: row.present ? row.partitions : 'missing',
          'end offset': row.endOffset,
          'msg/s': row.messagesPerSecond,
        })),
        rows,
      );
    });

  program
    .command('lag')
    .description(
      'lag of every consumer group the catalog declares (and any other the broker lists) per topic and partition, worst first',
    )
    .option('--group <name...>', 'also report these consumer groups (physical names)')
    .option('--max-lag <messages>', 'exit 2 when any partition lags more messages than this', integer, 1000)
    .option(
      '--time-lag',
      'also estimate the time lag from message timestamps (reads messages: a few seconds)',
    )
    .option(
      '--max-time-lag <seconds>',
      'exit 2 when any partition lags more seconds than this (implies --time-lag)',
      integer,
    )
    .action(async (options: { group?: string[]; maxLag: number; timeLag?: boolean; maxTimeLag?: number }) => {
      const bar = progress('reading offsets');
      const timeLag = options.timeLag === true || options.maxTimeLag !== undefined;
      const report = await withConnection((connection) =>
        measureConsumerLag(connection, { groups: options.group ?? [], timeLag, onProgress: bar.update }),
      ).finally(bar.stop);
      const over = report.partitions.filter(
        (row) =>
          row.lag > options.maxLag ||
          (options.maxTimeLag !== undefined && (row.timeLagMs ?? 0) > options.maxTimeLag * 1000),
      );
      print(
        report.partitions.map((row) => ({
          group: row.group,
          topic: row.topic,
          partition: row.partition,
          committed: row.committed ?? 'nothing',
          end: row.endOffset,
          lag: row.lag,
          ...(timeLag && { 'time lag s': row.timeLagMs === null ? '?' : row.timeLagMs / 1000 }),
        })),
        { ...report, overThreshold: over.length > 0 },
      );
      if (report.committedNothing.length > 0) {
        io.stderr(`committed nothing yet: ${report.committedNothing.join(', ')}\n`);
      }
      if (over.length > 0) {
        io.stderr(
          `${over.length} partition(s) over threshold (max lag ${options.maxLag}` +
            `${options.maxTimeLag === undefined ? '' : `, max time lag ${options.maxTimeLag} s`})\n`,
        );
        exitCode = EXIT_LAG_OVER_THRESHOLD;
      }
    });

  const dlq = program.command('dlq').description('dead letters: list, show, replay');
  dlq
    .command('list <topic>')
    .description('dead letters of a topic (catalog name, <topic>.dlq or physical name)')
    .action(async (topic: string) => {
      const bar = progress('reading');
      const records = await withConnection((connection) =>
        listDeadLetters(connection, topic, { onProgress: bar.update }),
      ).finally(bar.stop);
      print(
        records.map((record) => ({
          partition: record.partition,
          offset: record.offset,
          code: record.errorCode,
          error: record.error,
          source: `${record.sourceTopic ?? '?'}/${record.sourcePartition ?? '?'}/${record.sourceOffset ?? '?'}`,
          group: record.consumerGroup,
          'failed at': record.failedAt,
        })),
        records,
      );
    });
  dlq
    .command('show <topic> <offset>')
    .description('one dead letter with its payload, PHI masked; <offset> or <partition>:<offset>')
    .option('--reveal', 'show PHI unmasked (audited on ops.audit; needs --reason)')
    .option('--reason <text>', 'why PHI is revealed (recorded in the audit)')
    .action(async (topic: string, offset: string, options: { reveal?: boolean; reason?: string }) => {
      if (options.reveal && (options.reason ?? '').trim() === '') {
        throw new Error('--reveal needs --reason <text> (it is audited)');
      }
      const position = parsePosition(offset);
      const detail = await withConnection((connection) =>
        showDeadLetter(connection, topic, {
          ...position,
          ...(options.reveal ? { reveal: { operator: operatorOf(io), reason: options.reason ?? '' } } : {}),
        }),
      );
      if (globals().json) {
        io.stdout(`${JSON.stringify(detail, null, 2)}\n`);
        return;
      }
      const { payload, headers, ...fields } = detail;
      io.stdout(
        renderTable(Object.entries(fields).map(([field, value]) => ({ field, value: value ?? '-' }))) +
          `headers: ${JSON.stringify(headers)}\npayload${detail.revealed ? ' (REVEALED)' : ' (PHI masked)'}:\n` +
          `${JSON.stringify(payload, null, 2)}\n`,
      );
    });
  dlq
    .command('replay <topic>')
    .description('republish dead letters to their source topic with a replay-of header, once each')
    .option('--offsets <list>', 'comma-separated <offset> or <partition>:<offset>')
    .option('--all', 'every dead letter of the topic')
    .option('--dry-run', 'show what would be replayed; publish nothing')
    .option('--rate <msgs/s>', 'upper bound on messages republished per second', integer, 100)
    .action(
      async (topic: string, options: { offsets?: string; all?: boolean; dryRun?: boolean; rate: number }) => {
        if ((options.offsets === undefined) === (options.all !== true)) {
          throw new Error('give exactly one of --offsets <list> or --all');
        }
        const select =
          options.all === true
            ? ('all' as const)
            : (options.offsets ?? '')
                .split(',')
                .filter((item) => item.trim() !== '')
                .map(parsePosition);
        const bar = progress('replaying');
        const report = await withConnection((connection) =>
          replayDeadLetters(connection, topic, {
            select,
            dryRun: options.dryRun === true,
            ratePerSecond: options.rate,
            operator: operatorOf(io),
            onProgress: bar.update,
          }),
        ).finally(bar.stop);
        print(
          report.items.map((item) => ({
            partition: item.partition,
            offset: item.offset,
            code: item.errorCode,
            'source topic': item.sourceTopic,
            outcome: item.outcome,
            'new offset': item.newOffset,
          })),
          report,
        );
      },
    );

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      // A command line it cannot parse is a usage error (2), as for the other tools; a refusal is 1.
      return USAGE_ERRORS.has(error.code) ? 2 : 1;
    }
    io.stderr(`care-ops: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** Commander's codes for a command line that does not parse. */
const USAGE_ERRORS = new Set([
  'commander.unknownOption',
  'commander.unknownCommand',
  'commander.missingArgument',
  'commander.optionMissingArgument',
  'commander.missingMandatoryOptionValue',
  'commander.invalidArgument',
  'commander.excessArguments',
]);

/** Brokers and prefix: flags, then the environment, then `.stack/env` (written by `npm run stack start`). */
export function connectionSettings(
  flags: { brokers?: string; prefix?: string },
  io: Pick<CareOpsIo, 'env' | 'stackEnvFile'>,
): { brokers: string[]; prefix: string } {
  const file = io.stackEnvFile ?? DEFAULT_STACK_ENV;
  const stack = io.env['KAFKA_BROKERS'] || !existsSync(file) ? {} : readEnvFile(file);
  const brokers = flags.brokers ?? io.env['KAFKA_BROKERS'] ?? stack['KAFKA_BROKERS'] ?? '';
  const list = brokers
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b !== '');
  if (list.length === 0) {
    throw new Error('no brokers: set KAFKA_BROKERS, pass --brokers, or start the stack (.stack/env)');
  }
  return {
    brokers: list,
    prefix: flags.prefix ?? io.env['KAFKA_TOPIC_PREFIX'] ?? stack['KAFKA_TOPIC_PREFIX'] ?? '',
  };
}

function readEnvFile(file: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match?.[1] !== undefined) result[match[1]] = match[2] ?? '';
  }
  return result;
}

/** A plain-text table: a header row, a rule, and left-aligned columns. */
export function renderTable(rows: readonly Row[]): string {
  if (rows.length === 0) return '(none)\n';
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: Row[string] | undefined): string =>
    value === null || value === undefined ? '-' : String(value);
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => cell(row[column]).length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((text, i) => text.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[
    line(columns),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((row) => line(columns.map((column) => cell(row[column])))),
  ].join('\n')}\n`;
}

function parsePosition(text: string): DeadLetterPosition {
  const match = /^(?:(\d+):)?(\d+)$/.exec(text.trim());
  if (match?.[2] === undefined) throw new Error(`not an offset or <partition>:<offset>: ${text}`);
  return match[1] === undefined ? { offset: match[2] } : { partition: Number(match[1]), offset: match[2] };
}

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError(`not a whole number: ${value}`);
  return parsed;
}

function operatorOf(io: Pick<CareOpsIo, 'env'>): string {
  return io.env['USER'] ?? io.env['LOGNAME'] ?? safeUserName();
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
