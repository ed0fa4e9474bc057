/** What the Authorization header holds, as far as bearer authentication (RFC 6750) is concerned. */
export type BearerCredentials =
  | { readonly kind: 'absent' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'token'; readonly token: string };

const BEARER_SCHEME = /^Bearer(?:\s|$)/i;
// RFC 6750 b64token: the characters a bearer token may contain.
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * Reads a bearer token from an Authorization header value. No header, or another scheme (e.g. Basic), is
 * `absent`; a Bearer header whose token is empty or has characters a token cannot have is `malformed`.
 */
export function readBearerCredentials(authorization: string | undefined): BearerCredentials {
  const value = (authorization ?? '').trim();
  if (!BEARER_SCHEME.test(value)) return { kind: 'absent' };
  const token = value.slice('Bearer'.length).trim();
  return B64TOKEN.test(token) ? { kind: 'token', token } : { kind: 'malformed' };
}
