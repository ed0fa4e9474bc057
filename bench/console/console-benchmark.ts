import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { DEV_PASSWORD } from '@care/auth';
import { OpsConnection } from '@care/messaging';
import { Client } from 'pg';
import { claimsFeedAuthorization } from '../../tools/stack/platform-probes';
import { startPlatformStack } from '../../tools/stack/platform-stack';
import { postAll, waitUntilDrained } from '../platform/platform-benchmark';
import {
  chooseHouseholds,
  claimsOf,
  countLoaded,
  sendScreenings,
  type LoadedPopulation,
} from './console-population';
import { consoleUserAccessToken, signInToConsole } from './console-sign-in';
import {
  measureConcurrent,
  measureSequential,
  type ConcurrentFigures,
  type SequentialFigures,
} from './member-view-timing';
import { sampleWithReplacement, seededRandom } from './seeded-sample';
import { scansBetween, snapshotTableScans, type TableScans } from './table-scans';

/** Options of `npm run bench -- console`. */
export interface ConsoleBenchmarkOptions {
  /** Members on the roster (whole households: a few more). */
  readonly members: number;
  /** Months of claims history per member (the generator's default is 24). */
  readonly monthsOfHistory: number;
  /** Member views measured in each phase, after the warm-up. */
  readonly requests: number;
  readonly warmup: number;
  readonly concurrency: number;
  /** Who signs in: a supervisor sees every queue's tasks in the member view. */
  readonly username: string;
  readonly seed: number;
  readonly dir: string;
  readonly log: (line: string) => void;
}

export interface ConsoleBenchmarkResult {
  readonly machine: Record<string, string | number>;
  readonly username: string;
  readonly households: number;
  readonly claimsSent: number;
  readonly screeningsSent: number;
  readonly loaded: LoadedPopulation;
  /** Seconds from the first member posted until every group caught up (members, claims, then screenings). */
  readonly loadSeconds: number;
  readonly monthsOfHistory: number;
  /** One-minute load average when the timed phases started and ended (2 cores: above 2 means waiting for CPU). */
  readonly loadAverage: { readonly before: number; readonly after: number };
  readonly sequential: SequentialFigures;
  readonly concurrent: ConcurrentFigures;
  /** Tables scanned while the views were measured: a sequential scan of a large table is a missing index. */
  readonly tableScans: readonly TableScans[];
}

/**
 * The console's member view at a plan's size: the whole platform as `npm run stack` runs it (compiled services,
 * embedded PostgreSQL, Apache Kafka, the development identity provider, the console), a synthetic population's
 * roster and claims history through claims-intake's batch API and screenings through behavioral-screening, until
 * every consumer group caught up; then a user signs in to the console as a browser would and the benchmark times
 * `GET /api/members/:id` for a random sample of members, one at a time and `concurrency` at a time, beside the
 * same nine service calls made directly with the same user's token (the same-run baseline).
 */
export async function runConsoleBenchmark(options: ConsoleBenchmarkOptions): Promise<ConsoleBenchmarkResult> {
  const { log } = options;
  const chosen = chooseHouseholds({
    seed: options.seed,
    members: options.members,
    monthsOfHistory: options.monthsOfHistory,
  });
  log(`population: ${chosen.members.length} members in ${chosen.households} households`);
  rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(options.dir, { recursive: true });
  const stack = await startPlatformStack((line) => log(`[stack] ${line}`), {
    dir: join(options.dir, 'stack'),
    ports: 'free',
    serviceEnv: { LOG_LEVEL: 'warn' },
  });
  const brokers = (stack.env['KAFKA_BROKERS'] ?? '').split(',');
  const connection = await OpsConnection.connect({ brokers });
  const database = new Client({ connectionString: stack.env['DATABASE_URL'] ?? '' });
  await database.connect();
  try {
    const issuer = stack.env['OIDC_ISSUER'] ?? '';
    const authorization = claimsFeedAuthorization(issuer);
    const intakeUrl = stack.env['CLAIMS_INTAKE_URL'] ?? '';
    const started = Date.now();
    await postAll(intakeUrl, authorization, '/v1/members/batch', 'members', chosen.members);
    await waitUntilDrained(connection, database, 1_800_000);
    log(`roster settled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    let claimsSent = 0;
    const counted = (function* () {
      for (const claim of claimsOf(chosen)) {
        claimsSent += 1;
        if (claimsSent % 50_000 === 0) log(`${claimsSent} claims sent`);
        yield claim;
      }
    })();
    await postAll(intakeUrl, authorization, '/v1/claims/batch', 'claims', counted);
    log(`${claimsSent} claims accepted after ${((Date.now() - started) / 1000).toFixed(1)} s; draining`);
    await waitUntilDrained(connection, database, 3_600_000);
    log(`claims settled after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const screeningsSent = await sendScreenings(
      issuer,
      stack.env['BEHAVIORAL_SCREENING_URL'] ?? '',
      chosen.members,
      options.seed,
    );
    await waitUntilDrained(connection, database, 1_800_000);
    const loadSeconds = (Date.now() - started) / 1000;
    log(`${screeningsSent} screenings sent; everything settled after ${loadSeconds.toFixed(1)} s`);
    const loaded = await countLoaded(database);
    log(`loaded: ${JSON.stringify(loaded)}`);
    // A database in steady use has its statistics (autovacuum analyzes after large changes; a fresh load may not
    // have been visited yet) and its dirty pages written out: as the casework benchmark does.
    await database.query('ANALYZE');
    await database.query('CHECKPOINT');

    const consoleService = stack.services.find((service) => service.name === 'console');
    if (consoleService === undefined) throw new Error('the stack did not start the console');
    const consoleUrl = `http://localhost:${consoleService.port}`;
    const user = { username: options.username, password: DEV_PASSWORD };
    const session = await signInToConsole(consoleUrl, user);
    log(`signed in to the console as ${options.username}: ${JSON.stringify(session.user)}`);
    let token = { value: await consoleUserAccessToken(issuer, consoleUrl, user), at: Date.now() };
    const targets = {
      consoleUrl,
      cookie: session.cookie,
      serviceUrls: stack.env,
      token: async (): Promise<string> => {
        // The provider's tokens live an hour; a new one well before that.
        if (Date.now() - token.at > 1_200_000)
          token = { value: await consoleUserAccessToken(issuer, consoleUrl, user), at: Date.now() };
        return token.value;
      },
    };
    const random = seededRandom(options.seed + 1);
    const memberIds = chosen.members.map((member) => member.memberId);
    const scansBefore = await snapshotTableScans(database);
    const loadBefore = loadavg()[0] ?? 0;
    log(`sequential: ${options.warmup} warm-up and ${options.requests} measured member views`);
    const sequential = await measureSequential(
      targets,
      sampleWithReplacement(memberIds, options.warmup + options.requests, random),
      options.warmup,
    );
    log(
      `sequential: console p50 ${sequential.console.p50.toFixed(1)} p95 ${sequential.console.p95.toFixed(1)} ms`,
    );
    log(`concurrency ${options.concurrency}: ${options.requests} measured member views`);
    const concurrent = await measureConcurrent(
      targets,
      sampleWithReplacement(memberIds, options.warmup + options.requests, random),
      { concurrency: options.concurrency, warmup: options.warmup, block: 50 },
    );
    const loadAfter = loadavg()[0] ?? 0;
    const tableScans = scansBetween(scansBefore, await snapshotTableScans(database));
    return {
      machine: {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        memoryGb: Math.round(totalmem() / 1024 ** 3),
        node: process.version,
      },
      username: options.username,
      households: chosen.households,
      claimsSent,
      screeningsSent,
      loaded,
      loadSeconds,
      monthsOfHistory: options.monthsOfHistory,
      loadAverage: { before: loadBefore, after: loadAfter },
      sequential,
      concurrent,
      tableScans,
    };
  } finally {
    await database.end().catch(() => undefined);
    await connection.disconnect().catch(() => undefined);
    await stack.stop();
  }
}
