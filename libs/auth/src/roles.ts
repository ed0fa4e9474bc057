/**
 * The platform's roles, as issued in a token's `roles` claim. A contract with the identity provider: a role
 * renamed here must be renamed in the provider's role mapping too.
 */
export const ROLES = ['coach', 'advocate', 'supervisor', 'ops', 'admin'] as const;

export type Role = (typeof ROLES)[number];

/** True when `value` is one of {@link ROLES}. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
