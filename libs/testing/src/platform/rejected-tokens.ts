import { createPublicKey, randomUUID, type JsonWebKey } from 'node:crypto';
import { CARE_PLATFORM_AUDIENCE, ROLES, SCOPES, type DevIdentityProvider } from '@care/auth';
import { base64url, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';

/** A request credential the platform must refuse with 401: the `Authorization` header value, or none. */
export interface RejectedCredential {
  readonly name: string;
  readonly authorization: string | undefined;
}

/**
 * Every kind of credential a service must answer 401, for `identity`'s issuer: no token, a malformed one, an expired
 * one, one signed by a key the issuer never published, an unsigned one (`alg: none`), an HS256 token keyed with the
 * issuer's public key (the algorithm-confusion attack), and one issued for another audience. The forged ones claim
 * every role and scope, so nothing but the signature check can refuse them.
 */
export async function rejectedCredentials(
  identity: DevIdentityProvider,
  username = 'supervisor-dee',
): Promise<RejectedCredential[]> {
  const now = Math.floor(Date.now() / 1000);
  const claims: JWTPayload = {
    iss: identity.issuer,
    aud: CARE_PLATFORM_AUDIENCE,
    sub: username,
    iat: now,
    exp: now + 600,
    jti: randomUUID(),
    roles: [...ROLES],
    scope: SCOPES.join(' '),
    queues: ['coaching', 'advocacy', 'health-plan'],
  };
  const stranger = await generateKeyPair('ES256');
  const unknownKey = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: 'not-a-key-of-the-issuer', typ: 'JWT' })
    .sign(stranger.privateKey);
  const encode = (value: object): string => base64url.encode(JSON.stringify(value));
  const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
  const published = (await (await fetch(`${identity.issuer}/jwks`)).json()) as { keys: JWK[] };
  const key = published.keys[0];
  if (key === undefined) throw new Error('the identity provider publishes no key');
  const publicPem = createPublicKey({ key: key as JsonWebKey, format: 'jwk' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
  const confused = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', ...(key.kid === undefined ? {} : { kid: key.kid }) })
    .sign(new TextEncoder().encode(publicPem));
  const bearer = (token: string): string => `Bearer ${token}`;
  return [
    { name: 'no token', authorization: undefined },
    { name: 'malformed', authorization: 'Bearer not-a-jwt' },
    { name: 'expired', authorization: bearer(await identity.tokenFor(username, { expiresInSeconds: -300 })) },
    { name: 'unknown key', authorization: bearer(unknownKey) },
    { name: 'alg none', authorization: bearer(unsigned) },
    { name: 'HS256 keyed with the public key', authorization: bearer(confused) },
    {
      name: 'wrong audience',
      authorization: bearer(await identity.tokenFor(username, { audience: 'some-other-api' })),
    },
  ];
}
