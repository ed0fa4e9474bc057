import type { Role } from '../roles';

/** The `code` of an authentication or authorization error response: a contract with API clients. */
export type AuthErrorCode = 'token-missing' | 'token-invalid' | 'role-forbidden' | 'issuer-unavailable';

/** Body of a 401, 403 or 503 answered by `@Authorize()`; never holds token content or personal data. */
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

/** 503 when the identity provider's keys could not be read; the client may retry. */
export function issuerUnavailableBody(): AuthErrorBody {
  return {
    statusCode: 503,
    error: 'Service Unavailable',
    code: 'issuer-unavailable',
    message: 'The identity provider could not be reached to check the bearer token; try again shortly.',
  };
}
