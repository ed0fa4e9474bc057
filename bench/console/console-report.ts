import type { Percentiles } from '../support/percentiles';
import type { ConsoleBenchmarkResult } from './console-benchmark';
import { SECTION_NAMES } from './member-view-timing';

/** The bar: the member view under 300 ms at p95. */
export const MEMBER_VIEW_P95_TARGET_MS = 300;

const ms = (value: number): string => value.toFixed(1);
const row = (label: string, figures: Percentiles): string =>
  `| ${label} | ${ms(figures.p50)} | ${ms(figures.p95)} | ${ms(figures.p99)} | ${ms(figures.max)} | ${figures.count} |`;
const count = (value: number | null): string => (value === null ? 'n/a' : value.toLocaleString('en-US'));
const ratio = (a: number, b: number): string => (b === 0 ? '-' : (a / b).toFixed(2));

/** The benchmark's figures as markdown (what bench/README.md quotes). */
export function renderConsoleMarkdown(result: ConsoleBenchmarkResult): string {
  const { sequential: seq, concurrent: con, loaded } = result;
  const verdict =
    seq.console.p95 < MEMBER_VIEW_P95_TARGET_MS && con.console.p95 < MEMBER_VIEW_P95_TARGET_MS
      ? 'held'
      : 'missed';
  return [
    `Machine: ${String(result.machine['cpu'])}, ${String(result.machine['cores'])} cores, ${String(result.machine['memoryGb'])} GB, ` +
      `Node ${String(result.machine['node'])}; the whole stack (compiled services, embedded PostgreSQL, Apache Kafka) and ` +
      `the load generator on the same machine; one-minute load average ${result.loadAverage.before.toFixed(1)} as the ` +
      `timed phases started, ${result.loadAverage.after.toFixed(1)} as they ended.`,
    '',
    `Population (${result.households.toLocaleString('en-US')} households, ${result.monthsOfHistory} months of claims): ` +
      `${count(loaded.members)} members, ${count(loaded.claims)} claims (${count(result.claimsSent)} sent), ` +
      `${count(loaded.identifiedConditions)} identified conditions (${count(loaded.membersWithIdentifiedConditions)} members), ` +
      `${count(loaded.openGaps)} open and ${count(loaded.closedGaps)} closed gaps, ${count(loaded.activeTasks)} active tasks ` +
      `(${count(loaded.tasks)} in all), ${count(loaded.screenings)} screenings (${count(result.screeningsSent)} sent), ` +
      `${count(loaded.surveyVisits)} survey visits, ${count(loaded.cases)} cases, ${count(loaded.enrollments)} enrollments; ` +
      `loaded and settled in ${result.loadSeconds.toFixed(0)} s. Signed in as \`${result.username}\`.`,
    '',
    `Member view, ms (p50 / p95 / p99 / max over the measured requests; random members, warm-up excluded):`,
    '',
    '| path | p50 | p95 | p99 | max | requests |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('console `GET /api/members/:id`, sequential', seq.console),
    row('console `GET /api/session` (its floor: session read and touch), sequential', seq.consoleFloor),
    row('the nine calls at once, direct (same token), sequential', seq.fanOut),
    row('the nine calls one after another: slowest of the nine', seq.slowest),
    row('the nine calls one after another: sum', seq.sum),
    row(`console, concurrency ${con.concurrency}`, con.console),
    row(`the nine calls at once, direct, concurrency ${con.concurrency}`, con.fanOut),
    '',
    `Ratios at p50 / p95: console / slowest upstream ${ratio(seq.console.p50, seq.slowest.p50)} / ` +
      `${ratio(seq.console.p95, seq.slowest.p95)}; console / sum ${ratio(seq.console.p50, seq.sum.p50)} / ` +
      `${ratio(seq.console.p95, seq.sum.p95)}; console / direct fan-out ${ratio(seq.console.p50, seq.fanOut.p50)} / ` +
      `${ratio(seq.console.p95, seq.fanOut.p95)} (sequential), ${ratio(con.console.p50, con.fanOut.p50)} / ` +
      `${ratio(con.console.p95, con.fanOut.p95)} (concurrency ${con.concurrency}). Throughput at concurrency ` +
      `${con.concurrency}: ${con.consolePerSecond.toFixed(1)} views/s through the console, ` +
      `${con.fanOutPerSecond.toFixed(1)} direct.`,
    '',
    `Target p95 < ${MEMBER_VIEW_P95_TARGET_MS} ms: **${verdict}** (sequential ${ms(seq.console.p95)}, concurrency ` +
      `${con.concurrency} ${ms(con.console.p95)}). Failures: console answers not 200 with every section ok ` +
      `${seq.consoleFailures} sequential, ${con.consoleFailures} concurrent; direct calls not 200 ${seq.directFailures}.`,
    '',
    'Each endpoint on its own (the nine one after another, nothing else in flight), ms; the floor is the same ' +
      "service's `GET /health/live` right after (HTTP and the framework, no token, no database); items are the " +
      "entries of the section's lists:",
    '',
    '| section | service call | p50 | p95 | p99 | max | floor p50 / p95 | slowest of the nine | members with items | items per member |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...SECTION_NAMES.map((name) => {
      const figures = seq.perSection[name];
      const contents = seq.contents[name];
      const share = (value: number): string => `${((100 * value) / Math.max(1, seq.requests)).toFixed(0)} %`;
      return figures === undefined
        ? `| ${name} | - | - | - | - | - | - | - | - | - |`
        : `| ${name} | ${SECTION_PATHS[name] ?? ''} | ${ms(figures.p50)} | ${ms(figures.p95)} | ${ms(figures.p99)} | ` +
            `${ms(figures.max)} | ${floorOf(seq.floor[name])} | ${share(seq.slowestCount[name] ?? 0)} | ` +
            `${share(contents?.withItems ?? 0)} | ` +
            `${((contents?.items ?? 0) / Math.max(1, seq.requests)).toFixed(2)} |`;
    }),
    '',
    `Console answer size: p50 ${seq.consoleBytes.p50} bytes, max ${seq.consoleBytes.max}.`,
    '',
    ...scanLines(result),
  ].join('\n');
}

const floorOf = (figures: Percentiles | undefined): string =>
  figures === undefined ? '-' : `${ms(figures.p50)} / ${ms(figures.p95)}`;

/** The tables the measured views read, sequential scans first: a large table read sequentially lacks an index. */
function scanLines(result: ConsoleBenchmarkResult): string[] {
  const scans = result.tableScans.filter((scan) => !scan.table.startsWith('pg_')).slice(0, 12);
  if (scans.length === 0) return [];
  return [
    'Tables read while the views were measured (pg_stat_user_tables, both phases):',
    '',
    '| table | live rows | sequential scans | rows read sequentially | index scans |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...scans.map(
      (scan) =>
        `| ${scan.table} | ${count(scan.liveRows)} | ${count(scan.seqScans)} | ${count(scan.seqRowsRead)} | ${count(scan.indexScans)} |`,
    ),
    '',
  ];
}

const SECTION_PATHS: Readonly<Record<string, string>> = {
  member: 'claims-intake `/v1/members/:id`',
  conditions: 'condition-identification `…/conditions`',
  gaps: 'care-gaps `…/gaps`',
  screenings: 'behavioral-screening `…/screenings`',
  surveyVisits: 'survey-trigger `…/survey-visits`',
  cases: 'casework `…/cases`',
  tasks: 'casework `…/tasks`',
  enrollment: 'casework `…/enrollment`',
  notes: 'casework `…/notes`',
};
