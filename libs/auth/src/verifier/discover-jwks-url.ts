import { TokenVerificationError } from './token-verification.error';

/**
 * Reads `jwks_uri` from the issuer's OpenID Connect discovery document
 * (`<issuer>/.well-known/openid-configuration`). The document must name the same issuer (OpenID Connect
 * Discovery 1.0, section 4.3), so a misconfigured issuer URL fails here rather than on every token.
 * Throws `TokenVerificationError('issuer-unavailable')` with the URL and the cause as detail.
 */
export async function discoverJwksUrl(issuer: string, timeoutMs: number): Promise<URL> {
  const discoveryUrl = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const unavailable = (why: string): TokenVerificationError =>
    new TokenVerificationError('issuer-unavailable', `discovery at ${discoveryUrl} ${why}`);
  let document: unknown;
  try {
    const response = await fetch(discoveryUrl, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw unavailable(`answered ${response.status}`);
    }
    document = await response.json();
  } catch (error) {
    if (error instanceof TokenVerificationError) throw error;
    throw unavailable(`failed (${error instanceof Error ? error.message : 'unknown error'})`);
  }
  if (typeof document !== 'object' || document === null) throw unavailable('returned no JSON object');
  const { issuer: advertisedIssuer, jwks_uri: jwksUri } = document as Record<string, unknown>;
  if (advertisedIssuer !== issuer) throw unavailable('names a different issuer');
  if (typeof jwksUri !== 'string') throw unavailable('has no jwks_uri');
  try {
    const url = new URL(jwksUri);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // reported below
  }
  throw unavailable('has a jwks_uri that is not an http(s) URL');
}
