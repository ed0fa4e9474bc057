import type { Role } from './roles';

/**
 * The OAuth scopes the platform's routes require (a token's `scope`, space-separated, or `scp`). A route admits a
 * caller that holds one of its roles AND its scope: the role says who the caller is, the scope what the client
 * it uses was granted (a console session that asked only for `member:read` cannot submit claims, whatever the
 * user's roles).
 */
export const SCOPES = [
  'claims:write',
  'eligibility:write',
  'screenings:write',
  'surveys:write',
  'member:read',
  'casework:write',
  'provider:read',
  'reference:read',
  'stats:read',
  'operations',
  'audit:read',
] as const;

export type Scope = (typeof SCOPES)[number];

/** True when `value` is one of {@link SCOPES}. */
export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (SCOPES as readonly string[]).includes(value);
}

/**
 * The scopes a client of each role is normally granted: what the development identity provider puts in its tokens,
 * and what to grant in a real identity provider (docs/security.md).
 */
export const ROLE_SCOPES: Readonly<Record<Role, readonly Scope[]>> = {
  'claims-system': ['claims:write', 'eligibility:write'],
  'assessment-vendor': ['screenings:write', 'surveys:write'],
  coach: ['member:read', 'casework:write', 'screenings:write', 'reference:read'],
  advocate: ['member:read', 'casework:write', 'screenings:write', 'reference:read'],
  supervisor: ['member:read', 'casework:write', 'provider:read', 'reference:read', 'stats:read'],
  provider: ['provider:read'],
  ops: ['stats:read', 'operations', 'reference:read'],
  auditor: ['audit:read'],
  admin: ['audit:read', 'stats:read', 'reference:read'],
};

/** The scopes of every role given, each once, in {@link SCOPES} order. */
export function scopesOfRoles(roles: readonly Role[]): Scope[] {
  return SCOPES.filter((scope) => roles.some((role) => ROLE_SCOPES[role].includes(scope)));
}
