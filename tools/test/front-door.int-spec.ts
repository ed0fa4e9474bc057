import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_PRINCIPALS, ROLES, SCOPES } from '@care/auth';
import { TOPICS } from '@care/contracts';
import {
  createPopulation,
  createTestEnvironment,
  inboundClaimMessage,
  rejectedCredentials,
  spawnService,
  type RejectedCredential,
  type ServiceProcess,
  type TestEnvironment,
} from '@care/testing';
import { Client } from 'pg';

/**
 * The front door of the whole platform, driven by the access matrix of docs/security.md: every service runs as its
 * own process (as in production) on the real PostgreSQL and broker, trusting the environment's identity provider.
 */
const SERVICES = [
  'claims-intake',
  'condition-identification',
  'care-gaps',
  'behavioral-screening',
  'survey-trigger',
  'casework',
] as const;
type ServiceName = (typeof SERVICES)[number];

const SCHEMAS: Record<ServiceName, string> = {
  'claims-intake': 'claims_intake',
  'condition-identification': 'condition_identification',
  'care-gaps': 'care_gaps',
  'behavioral-screening': 'behavioral_screening',
  'survey-trigger': 'survey_trigger',
  casework: 'casework',
};

interface Policy {
  readonly public: boolean;
  readonly roles: readonly string[];
  readonly scope: string;
  readonly memberData: boolean;
}
interface Route extends Policy {
  readonly service: ServiceName;
  readonly method: string;
  readonly path: string;
}

/** The rows of the matrix in docs/security.md, `every service` rows repeated for each service. */
function matrixOfDocs(): Route[] {
  const text = readFileSync(join(__dirname, '..', '..', 'docs', 'security.md'), 'utf8');
  const start = text.indexOf('<!-- access-matrix:start -->');
  const end = text.indexOf('<!-- access-matrix:end -->');
  if (start < 0 || end < start) throw new Error('docs/security.md has no access matrix between its markers');
  const rows = text
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2) // header and separator
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  return rows.flatMap(([service = '', method = '', path = '', roles = '', scope = '', memberData = '']) => {
    const policy: Policy =
      roles === 'public'
        ? { public: true, roles: [], scope: '', memberData: false }
        : { public: false, roles: roles.split(', '), scope, memberData: memberData === 'yes' };
    const services = service === 'every service' ? SERVICES : SERVICES.filter((name) => name === service);
    if (services.length === 0) throw new Error(`docs/security.md names an unknown service: ${service}`);
    return services.map((name) => ({ service: name, method, path, ...policy }));
  });
}

/** Every operation of a running service's OpenAPI document with the policy it declares (x-care-access). */
async function matrixOfService(service: ServiceName, url: string): Promise<Route[]> {
  const document = (await (await fetch(`${url}/docs/json`)).json()) as {
    paths: Record<
      string,
      Record<
        string,
        { 'x-care-access'?: { public?: string; roles?: string[]; scope?: string; memberData?: boolean } }
      >
    >;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]): Route => {
      const access = operation['x-care-access'];
      const base = { service, method: method.toUpperCase(), path };
      if (access === undefined)
        return {
          ...base,
          public: false,
          roles: ['(no x-care-access: no policy)'],
          scope: '',
          memberData: false,
        };
      if (access.public !== undefined)
        return { ...base, public: true, roles: [], scope: '', memberData: false };
      return {
        ...base,
        public: false,
        roles: access.roles ?? [],
        scope: access.scope ?? '',
        memberData: access.memberData ?? false,
      };
    }),
  );
}

const key = (route: Route): string => `${route.service} ${route.method} ${route.path}`;
const byKey = (a: Route, b: Route): number => key(a).localeCompare(key(b));

/** Values for path parameters: well-formed, so a refusal can only come from the front door. */
const PARAMETERS: Record<string, string> = {
  memberId: 'M-FD-1',
  npi: '1500000009',
  caseId: 'C-FD-1',
  taskId: '00000000-0000-4000-8000-000000000001',
  screeningId: 'S-FD-1',
  surveyId: '00000000-0000-4000-8000-000000000002',
  rerunId: '00000000-0000-4000-8000-000000000003',
  queue: 'coaching',
};
const fill = (path: string): string =>
  path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = PARAMETERS[name];
    if (value === undefined) throw new Error(`no test value for the path parameter ${name}: add one`);
    return value;
  });

describe('the front door of every service (deny by default, driven by the access matrix)', () => {
  let environment: TestEnvironment;
  const running = new Map<ServiceName, ServiceProcess>();
  const urlOf = (service: ServiceName): string => running.get(service)?.url ?? '';

  beforeAll(async () => {
    environment = await createTestEnvironment();
    // The most verbose logs the services write: the last test reads them for personal data.
    const started = await Promise.all(
      SERVICES.map((name) => spawnService(name, environment, { LOG_LEVEL: 'debug' })),
    );
    SERVICES.forEach((name, index) => {
      const service = started[index];
      if (service !== undefined) running.set(name, service);
    });
  }, 120000);

  afterAll(async () => {
    await Promise.all([...running.values()].map((service) => service.kill('SIGTERM')));
    await environment.dispose();
  });

  const call = async (
    route: Route,
    authorization: string | undefined,
    extra: Record<string, string> = {},
  ) => {
    const response = await fetch(`${urlOf(route.service)}${fill(route.path)}`, {
      method: route.method,
      headers: {
        ...(authorization === undefined ? {} : { authorization }),
        ...(route.method === 'POST' ? { 'content-type': 'application/json' } : {}),
        ...extra,
      },
      ...(route.method === 'POST' ? { body: '{}' } : {}),
    });
    return {
      status: response.status,
      text: await response.text(),
      challenge: response.headers.get('www-authenticate'),
    };
  };

  it('serves exactly the routes of the matrix, each with the roles, scope and member-data flag written there', async () => {
    const served = (await Promise.all(SERVICES.map((name) => matrixOfService(name, urlOf(name)))))
      .flat()
      .sort(byKey);
    const documented = matrixOfDocs().sort(byKey);
    expect(served.map(key)).toEqual(documented.map(key));
    expect(served).toEqual(documented);
    // The matrix names only roles and scopes the platform knows.
    for (const route of documented) {
      for (const role of route.roles)
        expect([key(route), (ROLES as readonly string[]).includes(role)]).toEqual([key(route), true]);
      if (!route.public)
        expect([key(route), (SCOPES as readonly string[]).includes(route.scope)]).toEqual([key(route), true]);
    }
  });

  it('answers 401 on every protected route to no token and to every kind of bad token, with no data in the body', async () => {
    const credentials: RejectedCredential[] = await rejectedCredentials(environment.identity);
    const protectedRoutes = matrixOfDocs().filter((route) => !route.public);
    expect(protectedRoutes.length).toBeGreaterThan(40);
    for (const route of protectedRoutes) {
      for (const credential of credentials) {
        const answer = await call(route, credential.authorization);
        expect([key(route), credential.name, answer.status]).toEqual([key(route), credential.name, 401]);
        const body = JSON.parse(answer.text) as Record<string, unknown>;
        expect(Object.keys(body).sort()).toEqual(['code', 'error', 'message', 'statusCode']);
        expect(answer.text).not.toContain(PARAMETERS['memberId']);
        expect(answer.challenge).toMatch(/^Bearer realm="care-platform"/);
      }
    }
  });

  it('answers 403 to a valid token of a role outside the row, and to the right role without the scope', async () => {
    for (const route of matrixOfDocs().filter((candidate) => !candidate.public)) {
      const outsider = DEV_PRINCIPALS.find((user) => !user.roles.some((role) => route.roles.includes(role)));
      if (outsider === undefined) throw new Error(`every seeded user may call ${key(route)}`);
      const refused = await call(route, (await environment.bearer(outsider.username)).authorization);
      expect([key(route), outsider.username, refused.status, JSON.parse(refused.text)]).toEqual([
        key(route),
        outsider.username,
        403,
        expect.objectContaining({ code: 'role-forbidden' }),
      ]);

      const insider = DEV_PRINCIPALS.find((user) => user.roles.some((role) => route.roles.includes(role)));
      if (insider === undefined) throw new Error(`no seeded user may call ${key(route)}`);
      const otherScopes = SCOPES.filter((scope) => scope !== route.scope);
      const unscoped = await call(
        route,
        (await environment.bearer(insider.username, { scopes: otherScopes })).authorization,
      );
      expect([key(route), insider.username, unscoped.status, JSON.parse(unscoped.text)]).toEqual([
        key(route),
        insider.username,
        403,
        expect.objectContaining({ code: 'scope-missing' }),
      ]);
    }
  });

  it('opens the public routes without a token', async () => {
    for (const route of matrixOfDocs().filter((candidate) => candidate.public)) {
      const answer = await call(route, undefined);
      expect([key(route), answer.status]).toEqual([key(route), 200]);
    }
  });

  describe('the audit trail', () => {
    const trailOf = async (service: ServiceName, memberId: string) => {
      const response = await fetch(`${urlOf(service)}/v1/audit/reads?memberId=${memberId}`, {
        headers: await environment.bearer('auditor-ida'),
      });
      expect([service, response.status]).toEqual([service, 200]);
      return ((await response.json()) as { entries: Array<Record<string, unknown>> }).entries;
    };

    it("has one entry for each of a coach reading a member's conditions, gaps and screenings, with who, why and the route", async () => {
      const coach = await environment.bearer('coach-ana');
      const reads: Array<[ServiceName, string]> = [
        ['condition-identification', '/v1/members/M-FD-2/conditions'],
        ['care-gaps', '/v1/members/M-FD-2/gaps'],
        ['behavioral-screening', '/v1/members/M-FD-2/screenings'],
      ];
      for (const [service, path] of reads) {
        const response = await fetch(`${urlOf(service)}${path}`, {
          headers: { ...coach, 'x-purpose-of-use': 'member-request' },
        });
        expect([service, response.status]).toEqual([service, 200]);
      }
      const trail = (await Promise.all(reads.map(([service]) => trailOf(service, 'M-FD-2')))).flat();
      expect(trail).toEqual([
        expect.objectContaining({
          actor: 'coach-ana',
          roles: ['coach'],
          purpose: 'member-request',
          route: 'GET /v1/members/:memberId/conditions',
          action: 'conditions.read',
          memberId: 'M-FD-2',
          outcome: 'allowed',
        }),
        expect.objectContaining({
          actor: 'coach-ana',
          roles: ['coach'],
          purpose: 'member-request',
          route: 'GET /v1/members/:memberId/gaps',
          action: 'gaps.read',
          memberId: 'M-FD-2',
          outcome: 'allowed',
        }),
        expect.objectContaining({
          actor: 'coach-ana',
          roles: ['coach'],
          purpose: 'member-request',
          route: 'GET /v1/members/:memberId/screenings',
          action: 'screenings.read',
          memberId: 'M-FD-2',
          outcome: 'allowed',
        }),
      ]);
    });

    it('records a refused provider read once, answered 404 as if the provider did not exist', async () => {
      const practice = await environment.bearer('provider-pia');
      for (const [service, path] of [
        ['care-gaps', '/v1/providers/1234567893/gaps'],
        ['survey-trigger', '/v1/providers/1234567893/survey-scores?period=2026-Q1'],
      ] as const) {
        const response = await fetch(`${urlOf(service)}${path}`, { headers: practice });
        expect([service, response.status, await response.json()]).toEqual([
          service,
          404,
          { statusCode: 404, error: 'Not Found', message: 'provider not found' },
        ]);
        const refused = await fetch(`${urlOf(service)}/v1/audit/reads?actor=provider-pia`, {
          headers: await environment.bearer('auditor-ida'),
        });
        expect(((await refused.json()) as { entries: unknown[] }).entries).toEqual([
          expect.objectContaining({
            actor: 'provider-pia',
            resourceType: 'provider',
            resourceId: '1234567893',
            memberId: null,
            outcome: 'denied',
            purpose: 'provider-care',
          }),
        ]);
      }
    });

    it("is readable only by auditors and admins, and the services' database role cannot change or delete it", async () => {
      for (const username of ['coach-ana', 'supervisor-dee', 'ops-eli', 'provider-pia', 'claims-feed']) {
        const response = await fetch(`${urlOf('care-gaps')}/v1/audit/reads`, {
          headers: await environment.bearer(username),
        });
        expect([username, response.status]).toEqual([username, 403]);
      }
      expect(
        (
          await fetch(`${urlOf('care-gaps')}/v1/audit/reads`, {
            headers: await environment.bearer('admin-fay'),
          })
        ).status,
      ).toBe(200);

      const database = new Client({ connectionString: environment.databaseUrl });
      await database.connect();
      try {
        for (const service of SERVICES) {
          const table = `${SCHEMAS[service]}.read_audit`;
          // Appending works (a row trigger needs a row to refuse); changing or removing it does not.
          await database.query(
            `INSERT INTO ${table} (at, actor, roles, purpose, route, outcome, action, resource_type, resource_id, member_id)
             VALUES (now(), 'front-door-test', '{}', 'privacy-audit', 'GET /test', 'allowed', 'test', 'member', 'M-FD-9', 'M-FD-9')`,
          );
          for (const statement of [
            `UPDATE ${table} SET actor = 'someone-else'`,
            `DELETE FROM ${table}`,
            `TRUNCATE ${table}`,
          ]) {
            await expect(database.query(statement)).rejects.toThrow('read_audit is append-only');
          }
        }
      } finally {
        await database.end();
      }
    });
  });

  describe('the logs of a demo-sized run', () => {
    it('hold no member name, birth date, address, e-mail, phone, diagnosis tied to a member, screening answer or token', async () => {
      const asOf = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
      const population = createPopulation({ seed: 20261206, households: 40, asOf });
      const claimsSystem = await environment.bearer('claims-feed');
      const post = async (path: string, body: unknown): Promise<void> => {
        const response = await fetch(`${urlOf('claims-intake')}${path}`, {
          method: 'POST',
          headers: { ...claimsSystem, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect([path, response.status]).toEqual([path, 200]);
      };
      const members = [];
      const claims = [];
      for (const household of population.households()) {
        members.push(...household.members);
        claims.push(...household.claims);
        await post('/v1/members/batch', { members: household.members });
        if (household.index % 2 === 0) await post('/v1/claims/batch', { claims: household.claims });
        else
          await environment.probe.produce(
            TOPICS.claimsInbound.name,
            household.claims.map((claim) => inboundClaimMessage(claim)),
          );
      }
      // behavioral-screening scores only members it has on its roster: wait until it consumed the roster.
      await environment.probe.waitUntilConsumed(
        [
          {
            group: `${environment.prefix}behavioral-screening.members`,
            topics: [TOPICS.memberEligibilityChanged.name],
          },
        ],
        () => Promise.resolve(0),
        60000,
      );
      const screened = members[0]?.memberId ?? '';
      const screening = await fetch(`${urlOf('behavioral-screening')}/v1/screenings`, {
        method: 'POST',
        headers: { ...(await environment.bearer('screening-vendor')), 'content-type': 'application/json' },
        body: JSON.stringify({
          screeningId: 'FD-PHQ9-1',
          memberId: screened,
          instrument: 'phq-9',
          answers: { 1: 3, 2: 3, 3: 2, 4: 2, 5: 1, 6: 2, 7: 1, 8: 0, 9: 2 },
          completedAt: new Date(Date.now() - 60_000).toISOString(),
        }),
      });
      expect(screening.status).toBe(201);
      await environment.probe.waitForCount(TOPICS.claimReceived.name, claims.length, 120000);
      expect(await environment.probe.waitForCount(TOPICS.memberIdentified.name, 1, 60000)).toBeGreaterThan(0);
      expect(await environment.probe.waitForCount(TOPICS.surveyTriggered.name, 1, 60000)).toBeGreaterThan(0);
      const coach = await environment.bearer('coach-ana');
      for (const member of members.slice(0, 10)) {
        for (const [service, path] of [
          ['condition-identification', `/v1/members/${member.memberId}/conditions`],
          ['care-gaps', `/v1/members/${member.memberId}/gaps`],
          ['behavioral-screening', `/v1/members/${member.memberId}/screenings`],
        ] as const) {
          expect((await fetch(`${urlOf(service)}${path}`, { headers: coach })).status).toBe(200);
        }
      }

      const lines = SERVICES.flatMap((service) =>
        (running.get(service)?.output() ?? '').split('\n').map((line) => ({ service, line })),
      );
      expect(lines.length).toBeGreaterThan(SERVICES.length * 10);
      const personal = new Set<string>();
      for (const member of members) {
        personal.add(`${member.firstName} ${member.lastName}`);
        personal.add(member.birthDate);
        if (member.address !== undefined) personal.add(member.address.line1);
        if (member.email !== undefined) personal.add(member.email);
        if (member.phone !== undefined) personal.add(member.phone);
      }
      const diagnosesOf = new Map<string, Set<string>>();
      for (const claim of claims) {
        const codes = diagnosesOf.get(claim.memberId) ?? new Set<string>();
        for (const diagnosis of claim.diagnoses) codes.add(diagnosis.code);
        diagnosesOf.set(claim.memberId, codes);
      }
      const leaks: string[] = [];
      for (const { service, line } of lines) {
        for (const value of personal)
          if (line.includes(value)) leaks.push(`${service}: personal data in ${line.slice(0, 300)}`);
        if (/eyJ[\w-]{10,}\.[\w-]{10,}\./.test(line))
          leaks.push(`${service}: a token in ${line.slice(0, 120)}`);
        if (line.includes('"answers"')) leaks.push(`${service}: screening answers in ${line.slice(0, 300)}`);
        for (const [memberId, codes] of diagnosesOf) {
          if (!line.includes(memberId)) continue;
          for (const code of codes)
            if (line.includes(code))
              leaks.push(`${service}: ${memberId} with ${code} in ${line.slice(0, 300)}`);
        }
      }
      expect(leaks).toEqual([]);
    }, 240000);
  });
});
