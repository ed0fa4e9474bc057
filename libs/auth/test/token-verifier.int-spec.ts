import { decodeJwt } from 'jose';
import {
  CARE_PLATFORM_AUDIENCE,
  startDevIdentityProvider,
  TokenVerificationError,
  TokenVerifier,
  type DevIdentityProvider,
  type TokenVerificationCode,
} from '../src';
import {
  freePort,
  hs256Token,
  startForgedTokenIssuer,
  unsecuredToken,
  validClaims,
  withoutClaim,
  type ForgedTokenIssuer,
} from './support/forged-token-issuer';

const verifierFor = (issuer: string, jwksUrl?: string): TokenVerifier =>
  new TokenVerifier({ issuer, audience: CARE_PLATFORM_AUDIENCE, jwksUrl }, { httpTimeoutMs: 2000 });

/** The error `promise` was rejected with; fails the test when it resolves or rejects with something else. */
async function rejectionOf(promise: Promise<unknown>): Promise<TokenVerificationError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the token to be rejected');
    },
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof TokenVerificationError)) throw error;
  return error;
}

const rejectionCode = async (promise: Promise<unknown>): Promise<TokenVerificationCode> =>
  (await rejectionOf(promise)).code;

describe('verifying bearer tokens against the issuer key set', () => {
  let provider: DevIdentityProvider;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    provider = await startDevIdentityProvider();
    verifier = verifierFor(provider.issuer);
  });
  afterAll(() => provider.close());

  it('accepts a token of the development provider, discovering its key set, and names the caller', async () => {
    const token = await provider.tokenFor('supervisor-dee');
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'supervisor-dee',
      roles: ['supervisor'],
      scopes: ['member:read', 'casework:write', 'provider:read', 'reference:read', 'stats:read'],
      queues: ['coaching', 'advocacy', 'health-plan'],
      npis: [],
    });
  });

  it('rejects an expired token (beyond the 30 s clock tolerance)', async () => {
    const token = await provider.tokenFor('coach-ana', { expiresInSeconds: -120 });
    expect(await rejectionCode(verifier.verify(token))).toBe('expired');
  });

  it('accepts a token expired by less than the clock tolerance', async () => {
    const token = await provider.tokenFor('coach-ana', { expiresInSeconds: -5 });
    await expect(verifier.verify(token)).resolves.toEqual(expect.objectContaining({ subject: 'coach-ana' }));
  });

  it('rejects a token issued for another audience', async () => {
    const token = await provider.tokenFor('coach-ana', { audience: 'billing' });
    expect(await rejectionCode(verifier.verify(token))).toBe('wrong-audience');
  });

  it('rejects a token whose issuer is not the configured one, even when signed by a trusted key', async () => {
    const expectingAnother = verifierFor('http://id.example.org', `${provider.issuer}/jwks`);
    expect(await rejectionCode(expectingAnother.verify(await provider.tokenFor('coach-ana')))).toBe(
      'wrong-issuer',
    );
  });

  it('rejects a token signed by another key (a second provider with the same issuer name)', async () => {
    const impostor = await startDevIdentityProvider({ issuer: provider.issuer });
    try {
      const token = await impostor.tokenFor('admin-fay');
      expect(decodeJwt(token).iss).toBe(provider.issuer);
      expect(await rejectionCode(verifier.verify(token))).toBe('unknown-key');
    } finally {
      await impostor.close();
    }
  });

  it('rejects a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await provider.tokenFor('coach-ana')).split('.');
    const { iss, aud, exp } = decodeJwt(await provider.tokenFor('coach-ana'));
    const payload = Buffer.from(
      JSON.stringify({ iss, aud, exp, sub: 'coach-ana', roles: ['admin'] }),
    ).toString('base64url');
    expect(await rejectionCode(verifier.verify(`${header}.${payload}.${signature}`))).toBe('bad-signature');
  });

  it('rejects garbage as malformed', async () => {
    expect(await rejectionCode(verifier.verify('not-a-jwt'))).toBe('malformed');
    expect(await rejectionCode(verifier.verify(''))).toBe('malformed');
  });

  describe('with tokens the development provider never issues', () => {
    let forger: ForgedTokenIssuer;
    let forgedVerifier: TokenVerifier;
    const issuer = 'http://forged.test';

    beforeAll(async () => {
      forger = await startForgedTokenIssuer();
      forgedVerifier = verifierFor(issuer, forger.jwksUrl);
    });
    afterAll(() => forger.close());

    it('accepts a well-formed token from the key set named by OIDC_JWKS_URL (no discovery)', async () => {
      const token = await forger.sign(validClaims(issuer, CARE_PLATFORM_AUDIENCE));
      await expect(forgedVerifier.verify(token)).resolves.toEqual({
        subject: 'coach-ana',
        roles: ['coach'],
        scopes: [],
        queues: ['coaching'],
        npis: [],
      });
    });

    it('drops role names the platform does not know', async () => {
      const claims = {
        ...validClaims(issuer, CARE_PLATFORM_AUDIENCE),
        roles: ['wizard', 'advocate', 'root'],
      };
      const caller = await forgedVerifier.verify(await forger.sign(claims));
      expect(caller.roles).toEqual(['advocate']);
    });

    it('reads a token without a queues claim as no queues', async () => {
      const claims = withoutClaim(validClaims(issuer, CARE_PLATFORM_AUDIENCE), 'queues');
      expect((await forgedVerifier.verify(await forger.sign(claims))).queues).toEqual([]);
    });

    it.each([
      ['missing', undefined],
      ['empty', ''],
      ['blank', '  '],
    ])('rejects a token whose sub is %s', async (_case, subject) => {
      const claims = withoutClaim(validClaims(issuer, CARE_PLATFORM_AUDIENCE), 'sub');
      const token = await forger.sign(subject === undefined ? claims : { ...claims, sub: subject });
      expect(await rejectionCode(forgedVerifier.verify(token))).toBe('missing-subject');
    });

    it('rejects a token without an expiry', async () => {
      const claims = withoutClaim(validClaims(issuer, CARE_PLATFORM_AUDIENCE), 'exp');
      expect(await rejectionCode(forgedVerifier.verify(await forger.sign(claims)))).toBe('malformed');
    });

    it('rejects an unsigned token (alg none)', async () => {
      const token = unsecuredToken(validClaims(issuer, CARE_PLATFORM_AUDIENCE));
      expect(await rejectionCode(forgedVerifier.verify(token))).toBe('algorithm-not-allowed');
    });

    it('rejects an HS256 token, even one keyed with the public key and naming its kid', async () => {
      const publicJwk = JSON.stringify(
        ((await (await fetch(forger.jwksUrl)).json()) as { keys: unknown[] }).keys[0],
      );
      const token = await hs256Token(validClaims(issuer, CARE_PLATFORM_AUDIENCE), publicJwk, forger.kid);
      expect(await rejectionCode(forgedVerifier.verify(token))).toBe('algorithm-not-allowed');
    });

    it('never puts the token or its claims in the error', async () => {
      const claims = validClaims(issuer, 'other-audience', 'member-secret-subject');
      const token = await forger.sign(claims);
      const error = await rejectionOf(forgedVerifier.verify(token));
      expect(error.code).toBe('wrong-audience');
      // Own enumerable fields (code, detail), the message, the stack and any cause.
      const everything = JSON.stringify([{ ...error }, error.message, error.stack, error.cause]);
      expect(everything).not.toContain(token.split('.')[1]);
      expect(everything).not.toContain('member-secret-subject');
      expect(everything).not.toContain('other-audience');
    });
  });

  describe('discovery', () => {
    it('reports issuer-unavailable while the provider is down, then succeeds once it has started', async () => {
      const port = await freePort();
      const issuer = `http://127.0.0.1:${port}`;
      const early = verifierFor(issuer);
      const error = await rejectionOf(early.verify('any.token.value'));
      expect(error.code).toBe('issuer-unavailable');
      expect(error.isTokenRejected).toBe(false);
      expect(error.message).toContain(`${issuer}/.well-known/openid-configuration`);

      const late = await startDevIdentityProvider({ port, issuer });
      try {
        const caller = await early.verify(await late.tokenFor('ops-eli'));
        expect(caller).toEqual(expect.objectContaining({ subject: 'ops-eli', roles: ['ops'], queues: [] }));
      } finally {
        await late.close();
      }
    });

    it('keeps the discovered key set once it has one: tokens still verify after the provider stops', async () => {
      const shortLived = await startDevIdentityProvider();
      const cached = verifierFor(shortLived.issuer);
      const first = await shortLived.tokenFor('coach-ben');
      const second = await shortLived.tokenFor('advocate-cruz');
      await cached.verify(first);
      await shortLived.close();
      await expect(cached.verify(second)).resolves.toEqual(
        expect.objectContaining({ subject: 'advocate-cruz' }),
      );
    });

    it('refuses a discovery document naming another issuer', async () => {
      const misnamed = verifierFor(`${provider.issuer}/`);
      const error = await rejectionOf(misnamed.verify(await provider.tokenFor('coach-ana')));
      expect(error.code).toBe('issuer-unavailable');
      expect(error.message).toContain('names a different issuer');
    });
  });
});
