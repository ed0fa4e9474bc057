import { ACCESS, type AccessPolicy } from '@care/auth';

/**
 * The console's routes carry the policy of the service route each one calls (docs/security.md), so a user
 * without the role is refused here before any call is made, and the service checks again.
 */
export const CONSOLE_ACCESS = {
  /** Reading a member's data: every service call is audited by the service under the user's name. */
  readMemberData: ACCESS.readMemberData,
  /** Taking and working tasks, cases and enrollment. */
  work: { roles: ['coach', 'advocate', 'supervisor'], scope: 'casework:write', memberData: true },
  /** A worker's own queue counts. */
  queueCounts: { roles: ['coach', 'advocate', 'supervisor'], scope: 'casework:write', memberData: false },
  /** Every queue's statistics. */
  queueStats: { roles: ['supervisor', 'ops', 'admin'], scope: 'stats:read', memberData: false },
  /** Administering a screening in the console. */
  screen: { roles: ['coach', 'advocate'], scope: 'screenings:write', memberData: false },
  /** The instruments' items and answer options (no member data). */
  reference: ACCESS.readReference,
} as const satisfies Record<string, AccessPolicy>;
