import { randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { scopesOfRoles, type Scope } from '../scopes';
import type { DevUser } from './dev-users';

/** The one signing algorithm of the development identity provider. */
export const DEV_SIGNING_ALGORITHM = 'ES256';

/** What a development token is issued for. */
export interface DevTokenClaims {
  readonly issuer: string;
  readonly audience: string;
  readonly user: DevUser;
  /** Seconds from now until `exp`; zero or negative issues an already expired token (for tests). */
  readonly expiresInSeconds: number;
  /** The `scope` granted; default: every scope of the user's roles ({@link ROLE_SCOPES}). */
  readonly scopes?: readonly Scope[];
}

/**
 * An ES256 key pair made at start-up (the private key cannot be exported and dies with the process) and the
 * tokens it signs. The public key is published as a JWK whose `kid` is its RFC 7638 thumbprint.
 */
export class DevTokenSigner {
  private constructor(
    private readonly privateKey: CryptoKey,
    /** The public key only: `kty`, `crv`, `x`, `y`, `kid`, `alg`, `use`; never `d`. */
    readonly publicJwk: JWK,
  ) {}

  static async create(): Promise<DevTokenSigner> {
    const { privateKey, publicKey } = await generateKeyPair(DEV_SIGNING_ALGORITHM);
    const { kty, crv, x, y } = await exportJWK(publicKey);
    const publicJwk: JWK = { kty, crv, x, y };
    const kid = await calculateJwkThumbprint(publicJwk);
    return new DevTokenSigner(privateKey, { ...publicJwk, kid, alg: DEV_SIGNING_ALGORITHM, use: 'sig' });
  }

  /**
   * A signed JWT with `iss`, `sub` (the username), `aud`, `iat`, `exp`, `jti`, `roles`, `scope`, `queues`, `npis`
   * (provider users) and `name`.
   */
  sign(claims: DevTokenClaims): Promise<string> {
    const issuedAt = Math.floor(Date.now() / 1000);
    return new SignJWT({
      roles: [...claims.user.roles],
      scope: (claims.scopes ?? scopesOfRoles(claims.user.roles)).join(' '),
      queues: [...claims.user.queues],
      ...(claims.user.npis === undefined ? {} : { npis: [...claims.user.npis] }),
      name: claims.user.name,
    })
      .setProtectedHeader({ alg: DEV_SIGNING_ALGORITHM, kid: this.publicJwk.kid ?? '', typ: 'JWT' })
      .setIssuer(claims.issuer)
      .setSubject(claims.user.username)
      .setAudience(claims.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + claims.expiresInSeconds)
      .setJti(randomUUID())
      .sign(this.privateKey);
  }
}
