import type { Role } from '../roles';

/** A user of the development identity provider. */
export interface DevUser {
  /** Login name, also the token's `sub`. */
  readonly username: string;
  readonly password: string;
  /** Display name, the token's `name` claim (fictional). */
  readonly name: string;
  readonly roles: readonly Role[];
  /** Work queues, the token's `queues` claim. */
  readonly queues: readonly string[];
  /** Providers (NPIs) a `provider` user acts for, the token's `npis` claim. */
  readonly npis?: readonly string[];
}

/**
 * The one password of every seeded user. DEVELOPMENT ONLY: it is published in this repository, which is why the
 * development identity provider refuses to start with NODE_ENV=production.
 */
export const DEV_PASSWORD = 'dev-password';

/** Seeded users, one or more per role of a person, with fictional names. */
export const DEV_USERS: readonly DevUser[] = [
  {
    username: 'coach-ana',
    password: DEV_PASSWORD,
    name: 'Ana Coach',
    roles: ['coach'],
    queues: ['coaching'],
  },
  {
    username: 'coach-ben',
    password: DEV_PASSWORD,
    name: 'Ben Coach',
    roles: ['coach'],
    queues: ['coaching'],
  },
  {
    username: 'advocate-cruz',
    password: DEV_PASSWORD,
    name: 'Cruz Advocate',
    roles: ['advocate'],
    queues: ['advocacy'],
  },
  {
    username: 'plan-agent-pat',
    password: DEV_PASSWORD,
    name: 'Pat Plan-Agent',
    roles: ['advocate'],
    queues: ['health-plan'],
  },
  {
    username: 'supervisor-dee',
    password: DEV_PASSWORD,
    name: 'Dee Supervisor',
    roles: ['supervisor'],
    queues: ['coaching', 'advocacy', 'health-plan'],
  },
  { username: 'ops-eli', password: DEV_PASSWORD, name: 'Eli Ops', roles: ['ops'], queues: [] },
  { username: 'admin-fay', password: DEV_PASSWORD, name: 'Fay Admin', roles: ['admin'], queues: [] },
  { username: 'auditor-ida', password: DEV_PASSWORD, name: 'Ida Auditor', roles: ['auditor'], queues: [] },
  {
    username: 'provider-pia',
    password: DEV_PASSWORD,
    name: 'Pia Practice',
    roles: ['provider'],
    queues: [],
    // The attributed PCP and the prescriber of the test claims (TEST_NPIS of @care/contracts).
    npis: ['1500000009', '1999999992'],
  },
];

/** A machine client of the development identity provider (client-credentials grant). */
export interface DevClient {
  readonly clientId: string;
  /** DEVELOPMENT ONLY: published here, like {@link DEV_PASSWORD}. */
  readonly secret: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

/** The one secret of every seeded client. DEVELOPMENT ONLY. */
export const DEV_CLIENT_SECRET = 'dev-client-secret';

/** Seeded machine clients: a claims system, an assessment vendor, and the operations tooling. */
export const DEV_CLIENTS: readonly DevClient[] = [
  { clientId: 'claims-feed', secret: DEV_CLIENT_SECRET, name: 'Claims Feed', roles: ['claims-system'] },
  {
    clientId: 'screening-vendor',
    secret: DEV_CLIENT_SECRET,
    name: 'Screening Vendor',
    roles: ['assessment-vendor'],
  },
  { clientId: 'care-ops', secret: DEV_CLIENT_SECRET, name: 'Care Ops', roles: ['ops'] },
];

/** A client as a principal of the in-process test provider: the token it gets is the client-credentials one. */
export const principalOfClient = (client: DevClient): DevUser => ({
  username: client.clientId,
  password: client.secret,
  name: client.name,
  roles: client.roles,
  queues: [],
});

/** Every seeded user and client: whom the in-process test provider issues tokens for by default. */
export const DEV_PRINCIPALS: readonly DevUser[] = [...DEV_USERS, ...DEV_CLIENTS.map(principalOfClient)];
