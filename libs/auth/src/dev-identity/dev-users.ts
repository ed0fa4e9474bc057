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

/**
 * Seeded users, one or more per role, with fictional names. `claims-feed` and `screening-vendor` stand for machine
 * clients (a claims system, an assessment vendor); their tokens carry the role of such a client.
 */
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
  {
    username: 'claims-feed',
    password: DEV_PASSWORD,
    name: 'Claims Feed',
    roles: ['claims-system'],
    queues: [],
  },
  {
    username: 'screening-vendor',
    password: DEV_PASSWORD,
    name: 'Screening Vendor',
    roles: ['assessment-vendor'],
    queues: [],
  },
];
