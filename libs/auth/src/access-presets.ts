import type { Caller } from './caller';
import type { AccessPolicy } from './nest/access.decorator';

/**
 * Policies several services share (docs/security.md has the whole matrix). A route whose policy is its own
 * writes it out in its controller.
 */
export const ACCESS = {
  /** Reading a member's data (conditions, gaps, screenings, survey visits, tasks, cases): every read audited. */
  readMemberData: { roles: ['coach', 'advocate', 'supervisor'], scope: 'member:read', memberData: true },
  /** Reference data without member data (rule catalogs). */
  readReference: {
    roles: ['coach', 'advocate', 'supervisor', 'ops', 'admin'],
    scope: 'reference:read',
    memberData: false,
  },
  /** Running the platform: re-runs, re-evaluations. Answers carry counts, never member data. */
  operate: { roles: ['ops', 'admin'], scope: 'operations', memberData: false },
  /** A provider's own view (the token's NPIs; any other NPI reads as not found, audited). */
  providerView: { roles: ['provider', 'supervisor'], scope: 'provider:read', memberData: true },
} as const satisfies Record<string, AccessPolicy>;

/**
 * The provider scoping of {@link ACCESS.providerView}: supervisors see every provider's view, a `provider` user
 * only those of the NPIs their token names (`npis`).
 */
export function mayViewProvider(caller: Pick<Caller, 'roles' | 'npis'>, npi: string): boolean {
  return (
    caller.roles.includes('supervisor') || (caller.roles.includes('provider') && caller.npis.includes(npi))
  );
}
