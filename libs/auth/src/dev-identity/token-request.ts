import { createHash, timingSafeEqual } from 'node:crypto';
import { ROLE_SCOPES, type Scope } from '../scopes';
import type { DevClient, DevUser } from './dev-users';

/** The client id the development identity provider accepts (a public client: no secret). */
export const DEV_CLIENT_ID = 'care-dev';

/** An OAuth 2.0 token endpoint error (RFC 6749 section 5.2). */
export interface TokenEndpointError {
  readonly status: 400 | 401 | 415;
  readonly body: {
    readonly error:
      'invalid_request' | 'invalid_client' | 'invalid_grant' | 'invalid_scope' | 'unsupported_grant_type';
    readonly error_description: string;
  };
}

const tokenError = (
  status: TokenEndpointError['status'],
  error: TokenEndpointError['body']['error'],
  description: string,
): TokenEndpointError => ({ status, body: { error, error_description: description } });

/**
 * Reads the parameters of a token request sent as `application/x-www-form-urlencoded` (the OAuth 2.0 format)
 * or as a JSON object of strings; anything else is an error.
 */
export function parseTokenRequest(
  contentType: string | undefined,
  body: string,
): Map<string, string> | TokenEndpointError {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/x-www-form-urlencoded') return new Map(new URLSearchParams(body));
  if (mediaType === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return tokenError(400, 'invalid_request', 'the body is not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return tokenError(400, 'invalid_request', 'the body must be a JSON object');
    }
    const entries = Object.entries(parsed as Record<string, unknown>);
    if (entries.some(([, value]) => typeof value !== 'string')) {
      return tokenError(400, 'invalid_request', 'every parameter must be a string');
    }
    return new Map(entries as Array<[string, string]>);
  }
  return tokenError(415, 'invalid_request', 'send application/x-www-form-urlencoded or application/json');
}

/**
 * The user a resource-owner password grant logs in, or the OAuth 2.0 error to answer. An unknown user and a
 * wrong password give the same `invalid_grant`, so the endpoint does not tell which usernames exist.
 */
export function grantPassword(
  parameters: ReadonlyMap<string, string>,
  users: readonly DevUser[],
): DevUser | TokenEndpointError {
  const grantType = parameters.get('grant_type');
  if (grantType === undefined) return tokenError(400, 'invalid_request', 'grant_type is required');
  if (grantType !== 'password') {
    return tokenError(400, 'unsupported_grant_type', 'grant_type must be password or client_credentials');
  }
  if (parameters.get('client_id') !== DEV_CLIENT_ID) {
    return tokenError(401, 'invalid_client', `client_id must be ${DEV_CLIENT_ID}`);
  }
  const username = parameters.get('username');
  const password = parameters.get('password');
  if (username === undefined || password === undefined) {
    return tokenError(400, 'invalid_request', 'username and password are required');
  }
  const user = users.find((candidate) => candidate.username === username);
  if (user === undefined || !samePassword(user.password, password)) {
    return tokenError(400, 'invalid_grant', 'unknown username or wrong password');
  }
  return user;
}

/** True when `value` is a token endpoint error rather than a result. */
export function isTokenEndpointError(value: unknown): value is TokenEndpointError {
  return typeof value === 'object' && value !== null && 'status' in value && 'body' in value;
}

function samePassword(expected: string, given: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

/** A client-credentials grant that passed: the client and the scopes it is granted. */
export interface ClientGrant {
  readonly client: DevClient;
  readonly scopes: readonly Scope[];
}

/**
 * The client a client-credentials grant authenticates (HTTP Basic, or `client_id` and `client_secret` in the body)
 * and the scopes it gets: those it asks for (`scope`), each of which its roles must allow, or all its roles allow when
 * it asks for none. A wrong secret and an unknown client give the same `invalid_client`.
 */
export function grantClientCredentials(
  parameters: ReadonlyMap<string, string>,
  authorization: string | undefined,
  clients: readonly DevClient[],
): ClientGrant | TokenEndpointError {
  if (parameters.get('grant_type') !== 'client_credentials') {
    return tokenError(400, 'unsupported_grant_type', 'grant_type must be password or client_credentials');
  }
  let clientId = parameters.get('client_id');
  let secret = parameters.get('client_secret');
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '');
  if (basic?.[1] !== undefined) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator > 0) {
      clientId = decodeURIComponent(decoded.slice(0, separator));
      secret = decodeURIComponent(decoded.slice(separator + 1));
    }
  }
  const client = clients.find((candidate) => candidate.clientId === clientId);
  if (client === undefined || secret === undefined || !samePassword(client.secret, secret)) {
    return tokenError(401, 'invalid_client', 'client authentication failed');
  }
  const allowed = new Set(client.roles.flatMap((role) => ROLE_SCOPES[role]));
  const requested = (parameters.get('scope') ?? '').split(' ').filter((scope) => scope !== '');
  if (requested.some((scope) => !allowed.has(scope as Scope))) {
    return tokenError(400, 'invalid_scope', 'a requested scope is not allowed for this client');
  }
  return { client, scopes: requested.length === 0 ? [...allowed] : (requested as Scope[]) };
}
