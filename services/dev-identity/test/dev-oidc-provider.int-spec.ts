import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  CARE_PLATFORM_AUDIENCE,
  DEV_CLIENT_SECRET,
  DEV_PASSWORD,
  requestClientToken,
  TokenVerifier,
} from '@care/auth';
import { findFreePort, SERVICE_NODE_FLAGS } from '@care/testing';

const ROOT = join(__dirname, '..', '..', '..');
const CONSOLE_REDIRECT = 'http://localhost:3080/auth/callback';

/** services/dev-identity as its own process, as `npm start` runs it. */
async function startDevIdentity(
  env: Record<string, string> = {},
): Promise<{ issuer: string; child: ChildProcess; output: () => string }> {
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    [...SERVICE_NODE_FLAGS, '-r', '@swc-node/register', join(ROOT, 'services/dev-identity/src/main.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const issuer = `http://localhost:${port}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) return { issuer, child, output: () => output };
    try {
      if ((await fetch(`${issuer}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`dev-identity did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { issuer, child, output: () => output };
}

/** The cookies a browser would keep between the steps of the login. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  keep(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const separator = pair.indexOf('=');
      this.cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
  }
  get header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

describe('the development identity provider (oidc-provider) over HTTP', () => {
  let provider: Awaited<ReturnType<typeof startDevIdentity>>;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    provider = await startDevIdentity();
    verifier = new TokenVerifier({
      issuer: provider.issuer,
      audience: CARE_PLATFORM_AUDIENCE,
      jwksUrl: undefined,
    });
  }, 40000);
  afterAll(() => {
    provider.child.kill('SIGTERM');
  });

  it('publishes discovery: authorization code with PKCE (S256), client credentials, its key set', async () => {
    const discovery = (await (
      await fetch(`${provider.issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(discovery).toEqual(
      expect.objectContaining({
        issuer: provider.issuer,
        jwks_uri: `${provider.issuer}/jwks`,
        token_endpoint: `${provider.issuer}/token`,
        authorization_endpoint: `${provider.issuer}/auth`,
        code_challenge_methods_supported: ['S256'],
      }),
    );
    expect(discovery['grant_types_supported']).toEqual(
      expect.arrayContaining(['authorization_code', 'client_credentials']),
    );
    const keys = (
      (await (await fetch(`${provider.issuer}/jwks`)).json()) as { keys: Array<Record<string, unknown>> }
    ).keys;
    expect(keys).toHaveLength(1);
    expect(keys[0]).toEqual(expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256' }));
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('issues a claims system a client-credentials token the services accept, with its role and the scopes it asked for', async () => {
    const token = await requestClientToken({
      issuer: provider.issuer,
      clientId: 'claims-feed',
      clientSecret: DEV_CLIENT_SECRET,
      scopes: ['claims:write'],
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'claims-feed',
      roles: ['claims-system'],
      scopes: ['claims:write'],
      queues: [],
      npis: [],
    });
  });

  it('refuses a wrong client secret, and a scope outside what the client may have', async () => {
    await expect(
      requestClientToken({
        issuer: provider.issuer,
        clientId: 'claims-feed',
        clientSecret: 'guess',
        scopes: ['claims:write'],
      }),
    ).rejects.toThrow('the identity provider refused a token for claims-feed (HTTP 401 invalid_client)');
    await expect(
      requestClientToken({
        issuer: provider.issuer,
        clientId: 'claims-feed',
        clientSecret: DEV_CLIENT_SECRET,
        scopes: ['member:read'],
      }),
    ).rejects.toThrow('(HTTP 400 invalid_scope)');
  });

  describe('the console: authorization code with PKCE', () => {
    const pkce = () => {
      const codeVerifier = randomBytes(32).toString('base64url');
      return { codeVerifier, challenge: createHash('sha256').update(codeVerifier).digest('base64url') };
    };
    const authorize = (challenge: string | undefined, scope: string): string => {
      const query = new URLSearchParams({
        client_id: 'care-console',
        response_type: 'code',
        redirect_uri: CONSOLE_REDIRECT,
        scope,
        state: 'state-1',
        ...(challenge === undefined ? {} : { code_challenge: challenge, code_challenge_method: 'S256' }),
      });
      return `${provider.issuer}/auth?${query.toString()}`;
    };
    const follow = async (jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> => {
      const response = await fetch(url, {
        ...init,
        redirect: 'manual',
        headers: { ...(init.headers as Record<string, string>), cookie: jar.header },
      });
      jar.keep(response);
      return response;
    };
    const location = (response: Response): string =>
      new URL(response.headers.get('location') ?? '', provider.issuer).toString();

    /** Signs in through the login form; returns the code the console is sent back with. */
    const signIn = async (
      username: string,
      password: string,
      challenge: string,
      scope: string,
    ): Promise<{ status: number; code?: string }> => {
      const jar = new CookieJar();
      const start = await follow(jar, authorize(challenge, scope));
      expect(start.status).toBe(303);
      const interaction = location(start);
      const form = await follow(jar, interaction);
      expect([form.status, await form.text()]).toEqual([200, expect.stringContaining('name="password"')]);
      const submitted = await follow(jar, `${interaction}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username, password }).toString(),
      });
      if (submitted.status !== 303) return { status: submitted.status };
      let next = submitted;
      for (let hops = 0; hops < 5 && !location(next).startsWith(CONSOLE_REDIRECT); hops += 1)
        next = await follow(jar, location(next));
      const back = new URL(location(next));
      expect(back.searchParams.get('state')).toBe('state-1');
      return { status: next.status, code: back.searchParams.get('code') ?? '' };
    };
    const exchange = (code: string, codeVerifier: string | undefined) =>
      fetch(`${provider.issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: CONSOLE_REDIRECT,
          client_id: 'care-console',
          ...(codeVerifier === undefined ? {} : { code_verifier: codeVerifier }),
        }).toString(),
      });

    it('signs a coach in and issues a token with their role, queues, and only the asked scopes their role allows', async () => {
      const { codeVerifier, challenge } = pkce();
      const { code } = await signIn('coach-ana', DEV_PASSWORD, challenge, 'openid member:read stats:read');
      const response = await exchange(code ?? '', codeVerifier);
      expect(response.status).toBe(200);
      const { access_token: token } = (await response.json()) as { access_token: string };
      await expect(verifier.verify(token)).resolves.toEqual({
        subject: 'coach-ana',
        roles: ['coach'],
        scopes: ['member:read'], // stats:read is not a coach's to have
        queues: ['coaching'],
        npis: [],
      });
    });

    it("puts a provider user's NPIs in the token", async () => {
      const { codeVerifier, challenge } = pkce();
      const { code } = await signIn('provider-pia', DEV_PASSWORD, challenge, 'openid provider:read');
      const { access_token: token } = (await (await exchange(code ?? '', codeVerifier)).json()) as {
        access_token: string;
      };
      expect(await verifier.verify(token)).toEqual(
        expect.objectContaining({
          roles: ['provider'],
          scopes: ['provider:read'],
          npis: ['1500000009', '1999999992'],
        }),
      );
    });

    it('refuses a wrong password at the login form', async () => {
      expect((await signIn('coach-ana', 'guess', pkce().challenge, 'openid member:read')).status).toBe(401);
    });

    it('requires PKCE: no code challenge is refused, and a code is not exchanged without its verifier', async () => {
      const refused = await fetch(authorize(undefined, 'openid member:read'), { redirect: 'manual' });
      expect(new URL(refused.headers.get('location') ?? '').searchParams.get('error')).toBe(
        'invalid_request',
      );
      const { challenge } = pkce();
      const { code } = await signIn('coach-ana', DEV_PASSWORD, challenge, 'openid member:read');
      const response = await exchange(code ?? '', undefined);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual(expect.objectContaining({ error: 'invalid_grant' }));
    });
  });
});

describe('the development identity provider in production', () => {
  it('refuses to start', async () => {
    const started = await startDevIdentity({ NODE_ENV: 'production' });
    await new Promise((resolve) =>
      started.child.exitCode === null ? started.child.once('exit', resolve) : resolve(undefined),
    );
    expect(started.child.exitCode).toBe(1);
    expect(started.output()).toContain('production');
  });
});
