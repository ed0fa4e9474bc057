import type { JWTPayload } from 'jose';
import { isRole, type Role } from './roles';
import { isScope, type Scope } from './scopes';

/** Who made a request, as read from a verified bearer token. Holds no personal data beyond the subject id. */
export interface Caller {
  /** The token's `sub`: the identity provider's stable id of the user or machine client. */
  readonly subject: string;
  /** The token's roles claim, keeping only platform {@link ROLES}; unknown role names are ignored. */
  readonly roles: Role[];
  /** The token's `scope` (space-separated) or `scp` (string or array), keeping only platform {@link SCOPES}. */
  readonly scopes: Scope[];
  /** The token's `queues` claim (work queues the user may work), [] when absent. */
  readonly queues: string[];
  /** The token's `npis` claim: the providers whose views a `provider` user may see, [] when absent. */
  readonly npis: string[];
}

/** Where the roles are in the claims: a dot path (`roles`; Keycloak's realm roles: `realm_access.roles`). */
export const DEFAULT_ROLES_CLAIM = 'roles';

/**
 * The caller named by an already verified token's claims. Claims of the wrong shape read as empty (a `roles`
 * that is not an array grants nothing); the subject must be checked as present by the caller of this function.
 */
export function callerFromClaims(
  claims: JWTPayload & { sub: string },
  rolesClaim = DEFAULT_ROLES_CLAIM,
): Caller {
  return {
    subject: claims.sub,
    roles: [...new Set(stringsOf(claimAt(claims, rolesClaim)).filter(isRole))],
    scopes: [...new Set(scopesOf(claims).filter(isScope))],
    queues: [...new Set(stringsOf(claims['queues']))],
    npis: [...new Set(stringsOf(claims['npis']))],
  };
}

function claimAt(claims: JWTPayload, path: string): unknown {
  let value: unknown = claims;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key))
      return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** RFC 8693/9068 `scope` is one space-separated string; Entra ID's `scp` is a string, some providers' an array. */
function scopesOf(claims: JWTPayload): string[] {
  const scopes: string[] = [];
  for (const value of [claims['scope'], claims['scp']]) {
    if (typeof value === 'string') scopes.push(...value.split(' ').filter((entry) => entry !== ''));
    else scopes.push(...stringsOf(value));
  }
  return scopes;
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}
