/**
 * The platform's roles, as issued in a token's roles claim (`roles` unless OIDC_ROLES_CLAIM says otherwise). A
 * contract with the identity provider: a role renamed here must be renamed in the provider's role mapping too.
 *
 * - `claims-system`: a health plan's claims or eligibility system (a machine client, client-credentials grant);
 *   submits claims and roster changes, reads nothing back.
 * - `assessment-vendor`: a screening or survey vendor (machine client); submits screenings and survey answers.
 * - `coach`, `advocate`: work their queues; read the member data of the members they work.
 * - `supervisor`: every queue, the queue statistics, member data for supervision.
 * - `provider`: a practice's users; only the provider views of the NPIs their token names (`npis`).
 * - `ops`: runs the platform (statistics, re-runs); no member data.
 * - `auditor`: a privacy officer; reads the audit trail, no member data.
 * - `admin`: the audit trail and the statistics; no member data (reading it would itself be a read to justify).
 */
export const ROLES = [
  'claims-system',
  'assessment-vendor',
  'coach',
  'advocate',
  'supervisor',
  'provider',
  'ops',
  'auditor',
  'admin',
] as const;

export type Role = (typeof ROLES)[number];

/** True when `value` is one of {@link ROLES}. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
