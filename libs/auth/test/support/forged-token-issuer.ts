import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  base64url,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';

/**
 * A hand-made token issuer for what the development provider never issues (no `sub`, unknown roles, other
 * algorithms): an ES256 key whose public half is served as a key set over HTTP, and a signer for any claims.
 * Point a verifier at it with `jwksUrl`.
 */
export interface ForgedTokenIssuer {
  readonly jwksUrl: string;
  readonly kid: string;
  /** An ES256 token with exactly these claims. */
  sign(claims: JWTPayload): Promise<string>;
  close(): Promise<void>;
}

export async function startForgedTokenIssuer(): Promise<ForgedTokenIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk: JWK = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: [{ ...jwk, kid, alg: 'ES256', use: 'sig' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`,
    kid,
    sign: (claims) => signWith(privateKey, kid, claims),
    close: () => closeServer(server),
  };
}

function signWith(privateKey: CryptoKey, kid: string, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' }).sign(privateKey);
}

/** A token with `alg: none` and no signature (RFC 7519 unsecured JWT). */
export function unsecuredToken(claims: JWTPayload): string {
  const encode = (value: object): string => base64url.encode(JSON.stringify(value));
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

/** A token signed with HMAC-SHA256 under `secret` (a shared secret, never accepted by the platform). */
export function hs256Token(claims: JWTPayload, secret: string, kid?: string): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', ...(kid === undefined ? {} : { kid }) })
    .sign(new TextEncoder().encode(secret));
}

/** Claims that pass every check of a verifier expecting `issuer` and `audience`, for `subject`. */
export function validClaims(issuer: string, audience: string, subject = 'coach-ana'): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: issuer,
    aud: audience,
    sub: subject,
    iat: now,
    exp: now + 600,
    roles: ['coach'],
    queues: ['coaching'],
  };
}

/** `claims` without the named claim. */
export function withoutClaim(claims: JWTPayload, name: string): JWTPayload {
  return Object.fromEntries(Object.entries(claims).filter(([claim]) => claim !== name));
}

/** A TCP port that was free a moment ago (for a provider started after its first client call). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await closeServer(server);
  return port;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
