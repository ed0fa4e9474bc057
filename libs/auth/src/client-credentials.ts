/** A machine client's credentials at an OpenID Connect provider (the OAuth 2.0 client-credentials grant). */
export interface ClientCredentials {
  /** The issuer URL; the token endpoint is read from its discovery document. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The scopes to ask for (space-separated in the request); the token carries those granted. */
  readonly scopes: readonly string[];
}

/**
 * An access token for a machine client, obtained as any OAuth 2.0 client does: the token endpoint from
 * `<issuer>/.well-known/openid-configuration`, then `grant_type=client_credentials` with HTTP Basic client
 * authentication (RFC 6749 sections 2.3.1 and 4.4). Works against any OIDC provider (Keycloak, Entra ID, Okta, the
 * development provider). Errors name the status and the OAuth error code, never the secret.
 */
export async function requestClientToken(credentials: ClientCredentials): Promise<string> {
  const base = credentials.issuer.replace(/\/+$/, '');
  const discovery = await fetch(`${base}/.well-known/openid-configuration`);
  if (!discovery.ok)
    throw new Error(`the identity provider's discovery document answered HTTP ${discovery.status}`);
  const { token_endpoint: tokenEndpoint } = (await discovery.json()) as { token_endpoint?: unknown };
  if (typeof tokenEndpoint !== 'string')
    throw new Error("the identity provider's discovery names no token_endpoint");
  const basic = Buffer.from(
    `${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.clientSecret)}`,
  ).toString('base64');
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: credentials.scopes.join(' ') }),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; error?: unknown };
  if (!response.ok || typeof body.access_token !== 'string') {
    const error = typeof body.error === 'string' ? ` ${body.error}` : '';
    throw new Error(
      `the identity provider refused a token for ${credentials.clientId} (HTTP ${response.status}${error})`,
    );
  }
  return body.access_token;
}
