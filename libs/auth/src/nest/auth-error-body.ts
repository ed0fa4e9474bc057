import type { Role } from '../roles';
import type { Scope } from '../scopes';

/** The `code` of an authentication or authorization error response: a contract with API clients. */
export type AuthErrorCode =
  | 'token-missing'
  | 'token-invalid'
  | 'role-forbidden'
  | 'scope-missing'
  | 'no-access-policy'
  | 'issuer-unavailable';

/** Body of a 401, 403 or 503 answered by the access guard; never holds token content or personal data. */
export interface AuthErrorBody {
  readonly statusCode: 401 | 403 | 503;
  readonly error: 'Unauthorized' | 'Forbidden' | 'Service Unavailable';
  readonly code: AuthErrorCode;
  readonly message: string;
}

/** The realm named in every `WWW-Authenticate` challenge. */
export const AUTH_REALM = 'care-platform';

/** Challenge for a request without a bearer token (RFC 6750 section 3: no error code). */
export const BEARER_CHALLENGE = `Bearer realm="${AUTH_REALM}"`;

/** Challenge for a request whose bearer token was rejected. */
export const INVALID_TOKEN_CHALLENGE = `Bearer realm="${AUTH_REALM}", error="invalid_token"`;

/** 401 for a request without a bearer token. */
export function tokenMissingBody(): AuthErrorBody {
  return {
    statusCode: 401,
    error: 'Unauthorized',
    code: 'token-missing',
    message: 'A bearer token is required (Authorization: Bearer <token>).',
  };
}

/** 401 for a rejected bearer token; `message` says which check failed, never what the token holds. */
export function tokenInvalidBody(message: string): AuthErrorBody {
  return { statusCode: 401, error: 'Unauthorized', code: 'token-invalid', message };
}

/** 403 for a caller who has none of `allowed`. */
export function roleForbiddenBody(allowed: readonly Role[]): AuthErrorBody {
  return {
    statusCode: 403,
    error: 'Forbidden',
    code: 'role-forbidden',
    message: `This operation requires one of the roles: ${allowed.join(', ')}.`,
  };
}

/** 403 for a caller whose token was not granted the route's scope. */
export function scopeMissingBody(scope: Scope): AuthErrorBody {
  return {
    statusCode: 403,
    error: 'Forbidden',
    code: 'scope-missing',
    message: `This operation requires a token granted the scope ${scope}.`,
  };
}

/** 403 for a route that declares no access policy (a programming error: the service should not have started). */
export function noAccessPolicyBody(): AuthErrorBody {
  return {
    statusCode: 403,
    error: 'Forbidden',
    code: 'no-access-policy',
    message: 'This route declares no access policy and is closed.',
  };
}

/** Challenge for a token that lacks the route's scope (RFC 6750 section 3.1). */
export function insufficientScopeChallenge(scope: Scope): string {
  return `Bearer realm="${AUTH_REALM}", error="insufficient_scope", scope="${scope}"`;
}

/** 503 when the identity provider's keys could not be read; the client may retry. */
export function issuerUnavailableBody(): AuthErrorBody {
  return {
    statusCode: 503,
    error: 'Service Unavailable',
    code: 'issuer-unavailable',
    message: 'The identity provider could not be reached to check the bearer token; try again shortly.',
  };
}
