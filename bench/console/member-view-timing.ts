import { performance } from 'node:perf_hooks';
import { percentilesOf, type Percentiles } from '../support/percentiles';

/**
 * The nine calls behind the console's member view, as services/console/src/api/member-view.controller.ts makes
 * them (its SECTIONS), with the stack variable that holds each service's URL. The benchmark checks every console
 * answer has exactly these sections, so a change there shows up as an error here rather than as a wrong baseline.
 */
export const MEMBER_VIEW_CALLS: ReadonlyArray<readonly [string, string, (memberId: string) => string]> = [
  ['member', 'CLAIMS_INTAKE_URL', (id) => `/v1/members/${id}`],
  ['conditions', 'CONDITION_IDENTIFICATION_URL', (id) => `/v1/members/${id}/conditions`],
  ['gaps', 'CARE_GAPS_URL', (id) => `/v1/members/${id}/gaps`],
  ['screenings', 'BEHAVIORAL_SCREENING_URL', (id) => `/v1/members/${id}/screenings`],
  ['surveyVisits', 'SURVEY_TRIGGER_URL', (id) => `/v1/members/${id}/survey-visits`],
  ['cases', 'CASEWORK_URL', (id) => `/v1/members/${id}/cases`],
  ['tasks', 'CASEWORK_URL', (id) => `/v1/members/${id}/tasks`],
  ['enrollment', 'CASEWORK_URL', (id) => `/v1/members/${id}/enrollment`],
  ['notes', 'CASEWORK_URL', (id) => `/v1/members/${id}/notes`],
];
export const SECTION_NAMES = MEMBER_VIEW_CALLS.map(([name]) => name);

interface Timed {
  readonly ms: number;
  readonly status: number;
  readonly bytes: number;
  readonly body: unknown;
}

async function timedGet(url: string, headers: Record<string, string>): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url, { headers: { accept: 'application/json', ...headers } });
  const text = await response.text();
  const ms = performance.now() - started;
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    body = null;
  }
  return { ms, status: response.status, bytes: text.length, body };
}

/** How many things a section's data holds: an array's length, or the summed lengths of an object's arrays. */
export function itemsOf(data: unknown): number {
  if (Array.isArray(data)) return data.length;
  if (typeof data !== 'object' || data === null) return 0;
  return Object.values(data).reduce<number>(
    (sum, value) => sum + (Array.isArray(value) ? value.length : 0),
    0,
  );
}

/** Where the benchmark sends its requests: the console with a session, the services with the same user's token. */
export interface MemberViewTargets {
  readonly consoleUrl: string;
  readonly cookie: string;
  readonly serviceUrls: Readonly<Record<string, string>>;
  /** The signed-in user's bearer token (fetched again when it grows old). */
  readonly token: () => Promise<string>;
}

/** The figures of one phase, in milliseconds. */
export interface SequentialFigures {
  readonly requests: number;
  /** GET /api/members/:id on the console, one at a time. */
  readonly console: Percentiles;
  /**
   * The console's own floor: `GET /api/session` with the same cookie right after the view (the session read and its
   * rolling-expiry touch, no service call).
   */
  readonly consoleFloor: Percentiles;
  /** The same nine calls made by the benchmark itself, at once (the console's fan-out without the console). */
  readonly fanOut: Percentiles;
  /** The nine calls one after another: each endpoint's own time, with nothing else in flight. */
  readonly perSection: Readonly<Record<string, Percentiles>>;
  /**
   * The floor of each section's service: `GET /health/live` right after its call (HTTP, the framework, no token,
   * no database), what any request to that process costs on this machine at that moment.
   */
  readonly floor: Readonly<Record<string, Percentiles>>;
  /** Per member, the sum of the nine calls made one after another. */
  readonly sum: Percentiles;
  /** Per member, the slowest of the nine calls made one after another. */
  readonly slowest: Percentiles;
  /** How often each section was the slowest of a member's nine calls. */
  readonly slowestCount: Readonly<Record<string, number>>;
  /** Console answers that were not 200 with every section ok, and direct calls that were not 200. */
  readonly consoleFailures: number;
  readonly sectionFailures: Readonly<Record<string, number>>;
  readonly directFailures: number;
  /** Per section: members whose part held anything, and the items over all sampled members. */
  readonly contents: Readonly<Record<string, { readonly withItems: number; readonly items: number }>>;
  /** Size of the console's answer, bytes. */
  readonly consoleBytes: Percentiles;
}

export interface ConcurrentFigures {
  readonly concurrency: number;
  readonly requests: number;
  readonly console: Percentiles;
  readonly consolePerSecond: number;
  readonly fanOut: Percentiles;
  readonly fanOutPerSecond: number;
  readonly consoleFailures: number;
}

async function consoleView(
  targets: MemberViewTargets,
  memberId: string,
): Promise<{ timed: Timed; failedSections: string[] }> {
  const timed = await timedGet(`${targets.consoleUrl}/api/members/${encodeURIComponent(memberId)}`, {
    cookie: targets.cookie,
  });
  if (timed.status !== 200) return { timed, failedSections: [...SECTION_NAMES] };
  const sections = (timed.body as { sections?: Record<string, { ok?: boolean }> }).sections ?? {};
  const names = Object.keys(sections).sort();
  if (names.join() !== [...SECTION_NAMES].sort().join())
    throw new Error(
      `the console's member view has sections ${names.join(', ')}; this benchmark times ${SECTION_NAMES.join(', ')}`,
    );
  return {
    timed,
    failedSections: SECTION_NAMES.filter((name) => sections[name]?.ok !== true),
  };
}

async function directCall(targets: MemberViewTargets, index: number, memberId: string): Promise<Timed> {
  const call = MEMBER_VIEW_CALLS[index];
  if (call === undefined) throw new Error(`no member view call ${index}`);
  const [, variable, path] = call;
  return timedGet(`${targets.serviceUrls[variable] ?? ''}${path(encodeURIComponent(memberId))}`, {
    authorization: `Bearer ${await targets.token()}`,
  });
}

async function fanOut(targets: MemberViewTargets, memberId: string): Promise<{ ms: number; failed: number }> {
  const authorization = `Bearer ${await targets.token()}`;
  const started = performance.now();
  const answers = await Promise.all(
    MEMBER_VIEW_CALLS.map(([, variable, path]) =>
      timedGet(`${targets.serviceUrls[variable] ?? ''}${path(encodeURIComponent(memberId))}`, {
        authorization,
      }),
    ),
  );
  return {
    ms: performance.now() - started,
    failed: answers.filter((answer) => answer.status !== 200).length,
  };
}

/**
 * One member at a time: the console's view, the benchmark's own fan-out of the nine calls, and the nine calls one
 * after another, in an order that turns with each member (whichever goes first warms the database's cache for the
 * others). The first `warmup` members are measured the same way and dropped.
 */
export async function measureSequential(
  targets: MemberViewTargets,
  members: readonly string[],
  warmup: number,
): Promise<SequentialFigures> {
  const consoleMs: number[] = [];
  const consoleBytes: number[] = [];
  const consoleFloor: number[] = [];
  const fanOutMs: number[] = [];
  const perSection: Record<string, number[]> = Object.fromEntries(SECTION_NAMES.map((name) => [name, []]));
  const floor: Record<string, number[]> = Object.fromEntries(SECTION_NAMES.map((name) => [name, []]));
  const sums: number[] = [];
  const slowest: number[] = [];
  const slowestCount: Record<string, number> = Object.fromEntries(SECTION_NAMES.map((name) => [name, 0]));
  const sectionFailures: Record<string, number> = Object.fromEntries(SECTION_NAMES.map((name) => [name, 0]));
  const contents: Record<string, { withItems: number; items: number }> = Object.fromEntries(
    SECTION_NAMES.map((name) => [name, { withItems: 0, items: 0 }]),
  );
  let consoleFailures = 0;
  let directFailures = 0;
  for (const [position, memberId] of members.entries()) {
    const kept = position >= warmup;
    const steps = [
      async (): Promise<void> => {
        const { timed, failedSections } = await consoleView(targets, memberId);
        if (position === 0 && timed.status !== 200)
          throw new Error(`the console answered ${timed.status} for the member view`);
        const session = await timedGet(`${targets.consoleUrl}/api/session`, { cookie: targets.cookie });
        if (!kept) return;
        consoleFloor.push(session.ms);
        consoleMs.push(timed.ms);
        consoleBytes.push(timed.bytes);
        if (timed.status !== 200 || failedSections.length > 0) consoleFailures += 1;
        for (const name of failedSections) sectionFailures[name] = (sectionFailures[name] ?? 0) + 1;
        const sections = (timed.body as { sections?: Record<string, { ok?: boolean; data?: unknown }> })
          .sections;
        for (const name of SECTION_NAMES) {
          const items = itemsOf(sections?.[name]?.data);
          const entry = contents[name];
          if (entry === undefined) continue;
          entry.items += items;
          if (items > 0) entry.withItems += 1;
        }
      },
      async (): Promise<void> => {
        const answer = await fanOut(targets, memberId);
        if (!kept) return;
        fanOutMs.push(answer.ms);
        directFailures += answer.failed;
      },
      async (): Promise<void> => {
        const times: number[] = [];
        for (let index = 0; index < MEMBER_VIEW_CALLS.length; index += 1) {
          const answer = await directCall(targets, index, memberId);
          times.push(answer.ms);
          if (kept && answer.status !== 200) directFailures += 1;
          const variable = MEMBER_VIEW_CALLS[index]?.[1] ?? '';
          const live = await timedGet(`${targets.serviceUrls[variable] ?? ''}/health/live`, {});
          if (kept) floor[SECTION_NAMES[index] ?? '']?.push(live.ms);
        }
        if (!kept) return;
        times.forEach((ms, index) => perSection[SECTION_NAMES[index] ?? '']?.push(ms));
        sums.push(times.reduce((sum, ms) => sum + ms, 0));
        const worst = Math.max(...times);
        slowest.push(worst);
        const name = SECTION_NAMES[times.indexOf(worst)] ?? '';
        slowestCount[name] = (slowestCount[name] ?? 0) + 1;
      },
    ];
    for (let step = 0; step < steps.length; step += 1) await steps[(position + step) % steps.length]?.();
  }
  return {
    requests: consoleMs.length,
    console: percentilesOf(consoleMs),
    consoleFloor: percentilesOf(consoleFloor),
    fanOut: percentilesOf(fanOutMs),
    perSection: Object.fromEntries(Object.entries(perSection).map(([name, ms]) => [name, percentilesOf(ms)])),
    floor: Object.fromEntries(Object.entries(floor).map(([name, ms]) => [name, percentilesOf(ms)])),
    sum: percentilesOf(sums),
    slowest: percentilesOf(slowest),
    slowestCount,
    consoleFailures,
    sectionFailures,
    directFailures,
    contents,
    consoleBytes: percentilesOf(consoleBytes),
  };
}

/**
 * `concurrency` clients at once, in alternating blocks of `block` members: a block through the console, then the
 * same block as the benchmark's own fan-out, so both meet the same moment of a shared machine. The first `warmup`
 * members are dropped.
 */
export async function measureConcurrent(
  targets: MemberViewTargets,
  members: readonly string[],
  options: { concurrency: number; warmup: number; block: number },
): Promise<ConcurrentFigures> {
  const consoleMs: number[] = [];
  const fanOutMs: number[] = [];
  let consoleBusy = 0;
  let fanOutBusy = 0;
  let consoleFailures = 0;
  const runBlock = async (block: readonly string[], through: 'console' | 'fan-out'): Promise<number> => {
    let next = 0;
    const started = performance.now();
    const worker = async (): Promise<void> => {
      for (let memberId = block[next++]; memberId !== undefined; memberId = block[next++]) {
        if (through === 'console') {
          const { timed, failedSections } = await consoleView(targets, memberId);
          consoleMs.push(timed.ms);
          if (timed.status !== 200 || failedSections.length > 0) consoleFailures += 1;
        } else {
          fanOutMs.push((await fanOut(targets, memberId)).ms);
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    return performance.now() - started;
  };
  await runBlock(members.slice(0, options.warmup), 'console');
  await runBlock(members.slice(0, options.warmup), 'fan-out');
  consoleMs.length = 0;
  fanOutMs.length = 0;
  consoleFailures = 0;
  for (let start = options.warmup; start < members.length; start += options.block) {
    const block = members.slice(start, start + options.block);
    consoleBusy += await runBlock(block, 'console');
    fanOutBusy += await runBlock(block, 'fan-out');
  }
  return {
    concurrency: options.concurrency,
    requests: consoleMs.length,
    console: percentilesOf(consoleMs),
    consolePerSecond: consoleMs.length / (consoleBusy / 1000),
    fanOut: percentilesOf(fanOutMs),
    fanOutPerSecond: fanOutMs.length / (fanOutBusy / 1000),
    consoleFailures,
  };
}
