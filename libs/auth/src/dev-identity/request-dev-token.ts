import { DEV_PASSWORD } from './dev-users';

/**
 * A bearer token for a seeded user of the development identity provider, fetched over HTTP from its token
 * endpoint as any client would (`POST <identityUrl>/token`). For the demo, benchmarks and tools on the local stack;
 * throws naming the status when the provider refuses.
 */
export async function requestDevToken(identityUrl: string, username: string): Promise<string> {
  const response = await fetch(`${identityUrl.replace(/\/+$/, '')}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      username,
      password: DEV_PASSWORD,
      client_id: 'care-dev',
    }),
  });
  if (!response.ok)
    throw new Error(`the identity provider refused a token for ${username} (HTTP ${response.status})`);
  const body = (await response.json()) as { access_token?: unknown };
  if (typeof body.access_token !== 'string')
    throw new Error('the identity provider answered without access_token');
  return body.access_token;
}
