import type { JWTPayload } from 'jose';
import { isRole, type Role } from './roles';

/** Who made a request, as read from a verified bearer token. Holds no personal data beyond the subject id. */
export interface Caller {
  /** The token's `sub`: the identity provider's stable id of the user. */
  readonly subject: string;
  /** The token's `roles` claim, keeping only platform {@link ROLES}; unknown role names are ignored. */
  readonly roles: Role[];
  /** The token's `queues` claim (work queues the user may work), [] when absent. */
  readonly queues: string[];
}

/**
 * The caller named by an already verified token's claims. Claims of the wrong shape read as empty (a `roles`
 * that is not an array grants nothing); the subject must be checked as present by the caller of this function.
 */
export function callerFromClaims(claims: JWTPayload & { sub: string }): Caller {
  return {
    subject: claims.sub,
    roles: [...new Set(stringsOf(claims['roles']).filter(isRole))],
    queues: [...new Set(stringsOf(claims['queues']))],
  };
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}
