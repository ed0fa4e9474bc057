import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader, type JWK } from 'jose';
import {
  DEV_CLIENT_SECRET,
  requestClientToken,
  CARE_PLATFORM_AUDIENCE,
  DEV_PASSWORD,
  startDevIdentityProvider,
  TokenVerifier,
  type DevIdentityProvider,
} from '../src';

const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'];

describe('the development identity provider over HTTP', () => {
  let provider: DevIdentityProvider;
  const post = (body: string, contentType: string): Promise<Response> =>
    fetch(`${provider.issuer}/token`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const form = (parameters: Record<string, string>): Promise<Response> =>
    post(new URLSearchParams(parameters).toString(), 'application/x-www-form-urlencoded');
  const login = (username: string, password = DEV_PASSWORD): Record<string, string> => ({
    grant_type: 'password',
    username,
    password,
    client_id: 'care-dev',
  });

  beforeAll(async () => {
    provider = await startDevIdentityProvider({ tokenTtlSeconds: 900 });
  });
  afterAll(() => provider.close());

  it('publishes a discovery document naming its issuer, key set and token endpoint', async () => {
    const response = await fetch(`${provider.issuer}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(
      expect.objectContaining({
        issuer: provider.issuer,
        jwks_uri: `${provider.issuer}/jwks`,
        token_endpoint: `${provider.issuer}/token`,
        grant_types_supported: ['password', 'client_credentials'],
        id_token_signing_alg_values_supported: ['ES256'],
      }),
    );
  });

  it('publishes one ES256 public key, with its thumbprint as kid and no private member', async () => {
    const { keys } = (await (await fetch(`${provider.issuer}/jwks`)).json()) as {
      keys: Array<Record<string, unknown>>;
    };
    expect(keys).toHaveLength(1);
    const [key] = keys;
    expect(key).toEqual(
      expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: expect.any(String) }),
    );
    for (const member of PRIVATE_JWK_MEMBERS) expect(key).not.toHaveProperty(member);
    const { kty, crv, x, y } = key as JWK;
    expect(key?.['kid']).toBe(await calculateJwkThumbprint({ kty, crv, x, y }));
    expect(decodeProtectedHeader(await provider.tokenFor('coach-ana')).kid).toBe(key?.['kid']);
  });

  it('issues a token for a form-encoded password grant, with the seeded user in its claims', async () => {
    const response = await form(login('plan-agent-pat'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 900 });
    const claims = decodeJwt(body.access_token);
    expect(claims).toEqual({
      iss: provider.issuer,
      sub: 'plan-agent-pat',
      aud: CARE_PLATFORM_AUDIENCE,
      iat: expect.any(Number),
      exp: (claims.iat ?? 0) + 900,
      jti: expect.any(String),
      roles: ['advocate'],
      scope: 'screenings:write member:read casework:write reference:read',
      queues: ['health-plan'],
      name: 'Pat Plan-Agent',
    });
  });

  it('issues a token for a JSON password grant that the platform verifier accepts', async () => {
    const response = await post(JSON.stringify(login('supervisor-dee')), 'application/json');
    expect(response.status).toBe(200);
    const { access_token: token } = (await response.json()) as { access_token: string };
    const verifier = new TokenVerifier({
      issuer: provider.issuer,
      audience: CARE_PLATFORM_AUDIENCE,
      jwksUrl: undefined,
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'supervisor-dee',
      roles: ['supervisor'],
      scopes: ['member:read', 'casework:write', 'provider:read', 'reference:read', 'stats:read'],
      queues: ['coaching', 'advocacy', 'health-plan'],
      npis: [],
    });
  });

  it('answers 400 invalid_grant, alike, for a wrong password and an unknown user', async () => {
    const wrongPassword = await form(login('coach-ana', 'not-the-password'));
    const unknownUser = await form(login('nobody'));
    expect(wrongPassword.status).toBe(400);
    expect(unknownUser.status).toBe(400);
    const wrongPasswordBody: unknown = await wrongPassword.json();
    expect(wrongPasswordBody).toEqual({ error: 'invalid_grant', error_description: expect.any(String) });
    expect(await unknownUser.json()).toEqual(wrongPasswordBody);
  });

  it('answers OAuth 2.0 errors for another client, another grant type and another media type', async () => {
    const otherClient = await form({ ...login('coach-ana'), client_id: 'elsewhere' });
    expect([otherClient.status, await otherClient.json()]).toEqual([
      401,
      expect.objectContaining({ error: 'invalid_client' }),
    ]);
    const otherGrant = await form({ ...login('coach-ana'), grant_type: 'authorization_code' });
    expect([otherGrant.status, await otherGrant.json()]).toEqual([
      400,
      expect.objectContaining({ error: 'unsupported_grant_type' }),
    ]);
    const text = await post('grant_type=password', 'text/plain');
    expect([text.status, await text.json()]).toEqual([
      415,
      expect.objectContaining({ error: 'invalid_request' }),
    ]);
  });

  it('refuses a body over 16 KiB', async () => {
    const response = await form({ ...login('coach-ana'), padding: 'x'.repeat(20 * 1024) });
    expect(response.status).toBe(413);
  });

  it('answers the health checks the local stack waits for, and 404 elsewhere', async () => {
    expect((await fetch(`${provider.issuer}/health/ready`)).status).toBe(200);
    expect((await fetch(`${provider.issuer}/health/live`)).status).toBe(200);
    expect((await fetch(`${provider.issuer}/admin`)).status).toBe(404);
    expect((await fetch(`${provider.issuer}/token`)).status).toBe(404);
  });

  it('issues tokens in process for tests, and refuses an unknown username', async () => {
    const claims = decodeJwt(
      await provider.tokenFor('admin-fay', { audience: 'reports', expiresInSeconds: 60 }),
    );
    expect(claims).toEqual(expect.objectContaining({ sub: 'admin-fay', aud: 'reports', roles: ['admin'] }));
    expect(claims.exp).toBe((claims.iat ?? 0) + 60);
    await expect(provider.tokenFor('mallory')).rejects.toThrow('no development user or client named mallory');
  });

  it('serves only the users it was given, under the issuer it was given', async () => {
    const custom = await startDevIdentityProvider({
      issuer: 'http://identity.test:4000',
      users: [{ username: 'qa-quinn', password: 'qa', name: 'Quinn QA', roles: ['ops'], queues: [] }],
    });
    try {
      expect(custom.issuer).toBe('http://identity.test:4000');
      expect(decodeJwt(await custom.tokenFor('qa-quinn')).iss).toBe('http://identity.test:4000');
      await expect(custom.tokenFor('coach-ana')).rejects.toThrow();
    } finally {
      await custom.close();
    }
  });

  it('issues a machine client a client-credentials token with the scopes it asks for, within its roles', async () => {
    const token = await requestClientToken({
      issuer: provider.issuer,
      clientId: 'claims-feed',
      clientSecret: DEV_CLIENT_SECRET,
      scopes: ['claims:write'],
    });
    expect(decodeJwt(token)).toEqual(
      expect.objectContaining({ sub: 'claims-feed', roles: ['claims-system'], scope: 'claims:write' }),
    );
    await expect(
      requestClientToken({
        issuer: provider.issuer,
        clientId: 'claims-feed',
        clientSecret: 'guess',
        scopes: [],
      }),
    ).rejects.toThrow('(HTTP 401 invalid_client)');
    await expect(
      requestClientToken({
        issuer: provider.issuer,
        clientId: 'claims-feed',
        clientSecret: DEV_CLIENT_SECRET,
        scopes: ['member:read'],
      }),
    ).rejects.toThrow('(HTTP 400 invalid_scope)');
  });
});
