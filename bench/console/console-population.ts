import { randomUUID } from 'node:crypto';
import { DEV_CLIENT_SECRET, requestClientToken } from '@care/auth';
import {
  createPopulation,
  type ClaimSubmissionPlain,
  type MemberRecordPlain,
  type Population,
} from '@care/testing';
import type { Client } from 'pg';
import { seededRandom } from './seeded-sample';

/** The households that hold the first `members` members of the population (whole households: a few more). */
export interface ConsolePopulation {
  readonly population: Population;
  readonly households: number;
  readonly members: readonly MemberRecordPlain[];
}

export function chooseHouseholds(options: {
  seed: number;
  members: number;
  monthsOfHistory: number;
}): ConsolePopulation {
  const asOf = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
  const population = createPopulation({
    seed: options.seed,
    households: 10_000_000,
    asOf,
    monthsOfHistory: options.monthsOfHistory,
  });
  const members: MemberRecordPlain[] = [];
  let households = 0;
  for (const member of population.members()) {
    // Members come household by household, subscriber first: stop at the first subscriber past the target.
    if (members.length >= options.members && member.relationship === 'subscriber') break;
    if (member.relationship === 'subscriber') households += 1;
    members.push(member);
  }
  return { population, households, members };
}

/** Every claim of the chosen households, generated household by household as the loader asks for them. */
export function* claimsOf(chosen: ConsolePopulation): Generator<ClaimSubmissionPlain> {
  for (let index = 0; index < chosen.households; index += 1) yield* chosen.population.household(index).claims;
}

/**
 * Screenings a vendor sends (POST /v1/screenings as the `screening-vendor` client): a PHQ-9 for one member in ten
 * (item 9 above 0 for one in fifteen of those, which opens an urgent follow-up), a second PHQ-9 a month later for
 * one in twenty (a trend), an AUDIT-C for one in twenty. Six at a time. Answers how many were sent.
 */
export async function sendScreenings(
  issuer: string,
  screeningUrl: string,
  members: readonly MemberRecordPlain[],
  seed: number,
): Promise<number> {
  const random = seededRandom(seed);
  const answer = (max: number): number => Math.floor(random() * (max + 1));
  const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString();
  const bodies: unknown[] = [];
  members.forEach((member, index) => {
    const phq9 = (completedAt: string): unknown => ({
      screeningId: randomUUID(),
      memberId: member.memberId,
      instrument: 'phq-9',
      completedAt,
      answers: Object.fromEntries(
        Array.from({ length: 9 }, (_, item) => [
          String(item + 1),
          item === 8 ? (random() < 1 / 15 ? 1 : 0) : answer(3),
        ]),
      ),
    });
    if (index % 10 === 3) bodies.push(phq9(daysAgo(40)));
    if (index % 20 === 3) bodies.push(phq9(daysAgo(10)));
    if (index % 20 === 7)
      bodies.push({
        screeningId: randomUUID(),
        memberId: member.memberId,
        instrument: 'audit-c',
        completedAt: daysAgo(20),
        answers: { '1': answer(4), '2': answer(4), '3': answer(4) },
      });
  });
  const token = await requestClientToken({
    issuer,
    clientId: 'screening-vendor',
    clientSecret: DEV_CLIENT_SECRET,
    scopes: ['screenings:write'],
  });
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let body = bodies[next++]; body !== undefined; body = bodies[next++]) {
      const response = await fetch(`${screeningUrl}/v1/screenings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      if (response.status !== 201 && response.status !== 202)
        throw new Error(`POST /v1/screenings answered ${response.status}: ${text.slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return bodies.length;
}

/** What the platform holds once the history settled, counted in each service's schema. */
export interface LoadedPopulation {
  readonly members: number | null;
  readonly claims: number | null;
  readonly membersWithIdentifiedConditions: number | null;
  readonly identifiedConditions: number | null;
  readonly openGaps: number | null;
  readonly closedGaps: number | null;
  readonly activeTasks: number | null;
  readonly tasks: number | null;
  readonly screenings: number | null;
  readonly surveyVisits: number | null;
  readonly cases: number | null;
  readonly enrollments: number | null;
}

const COUNTS: Readonly<Record<keyof LoadedPopulation, string>> = {
  members: 'SELECT count(*) AS n FROM claims_intake.members',
  claims: 'SELECT count(*) AS n FROM claims_intake.claims',
  membersWithIdentifiedConditions:
    "SELECT count(DISTINCT member_id) AS n FROM condition_identification.member_conditions WHERE status = 'identified'",
  identifiedConditions:
    "SELECT count(*) AS n FROM condition_identification.member_conditions WHERE status = 'identified'",
  openGaps: "SELECT count(*) AS n FROM care_gaps.gaps WHERE status = 'open'",
  closedGaps: "SELECT count(*) AS n FROM care_gaps.gaps WHERE status = 'closed'",
  activeTasks: "SELECT count(*) AS n FROM casework.tasks WHERE status IN ('open', 'assigned', 'snoozed')",
  tasks: 'SELECT count(*) AS n FROM casework.tasks',
  screenings: 'SELECT count(*) AS n FROM behavioral_screening.screenings',
  surveyVisits: 'SELECT count(*) AS n FROM survey_trigger.visits',
  cases: 'SELECT count(*) AS n FROM casework.cases',
  enrollments: 'SELECT count(*) AS n FROM casework.program_enrollments',
};

/** Counts each fact in its owner's table; null where a table or column is not what this benchmark expects. */
export async function countLoaded(database: Client): Promise<LoadedPopulation> {
  const counted: Record<string, number | null> = {};
  for (const [name, sql] of Object.entries(COUNTS)) {
    counted[name] = await database
      .query<{ n: string }>(sql)
      .then((result) => Number(result.rows[0]?.n ?? 0))
      .catch(() => null);
  }
  return counted as unknown as LoadedPopulation;
}
