import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { callerFromClaims, type Caller } from '../caller';
import type { OidcSettings } from '../oidc-settings';
import { discoverJwksUrl } from './discover-jwks-url';
import { tokenVerificationCodeOf } from './jose-error-code';
import { TokenVerificationError } from './token-verification.error';

/** Asymmetric algorithms only: a shared-secret (HS*) or unsigned (`none`) token is never accepted. */
export const ALLOWED_TOKEN_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;

/** Clock skew tolerated between the identity provider and this service for `exp`, `nbf` and `iat`. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** Longer tokens are rejected before parsing; real access tokens are a few kilobytes at most. */
const MAX_TOKEN_LENGTH = 16 * 1024;

/** Tuning of the verifier's HTTP calls to the identity provider. */
export interface TokenVerifierOptions {
  /** Timeout of the discovery and key-set requests (default 5 s). */
  readonly httpTimeoutMs?: number;
}

/**
 * Verifies OpenID Connect access tokens (JWTs) with jose: signature against the issuer's JSON Web Key Set
 * (fetched and cached by jose's remote key set, refreshed when an unknown `kid` appears), `iss`, `aud`, `exp`,
 * `nbf`, the algorithm allow-list, and a non-empty `sub`. It does not check `typ` or revocation; roles and scopes
 * are checked per route by the access guard.
 *
 * Discovery of the key set URL is lazy: the first `verify` call performs it, a success is kept for the life of
 * the verifier, and a failure is retried by the next call, so a service may start before its identity provider.
 */
export class TokenVerifier {
  private keySet: Promise<JWTVerifyGetKey> | undefined;
  private readonly httpTimeoutMs: number;

  constructor(
    private readonly settings: OidcSettings,
    options: TokenVerifierOptions = {},
  ) {
    this.httpTimeoutMs = options.httpTimeoutMs ?? 5000;
  }

  /**
   * The caller named by `token`, or a `TokenVerificationError` whose code says which check failed
   * (`issuer-unavailable` when the identity provider could not be reached). Errors never carry token content.
   */
  async verify(token: string): Promise<Caller> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw new TokenVerificationError('malformed');
    const keySet = await this.resolveKeySet();
    const claims = await jwtVerify(token, keySet, {
      issuer: this.settings.issuer,
      audience: this.settings.audience,
      algorithms: [...ALLOWED_TOKEN_ALGORITHMS],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['sub', 'exp'],
    }).then(
      (result) => result.payload,
      (error: unknown) => {
        // jose's errors may carry the claims; only the code crosses this line.
        throw new TokenVerificationError(tokenVerificationCodeOf(error));
      },
    );
    const subject = claims.sub;
    if (typeof subject !== 'string' || subject.trim() === '')
      throw new TokenVerificationError('missing-subject');
    return callerFromClaims({ ...claims, sub: subject }, this.settings.rolesClaim);
  }

  private resolveKeySet(): Promise<JWTVerifyGetKey> {
    this.keySet ??= this.createKeySet().catch((error: unknown) => {
      this.keySet = undefined; // the next verification tries discovery again
      throw error;
    });
    return this.keySet;
  }

  private async createKeySet(): Promise<JWTVerifyGetKey> {
    const url =
      this.settings.jwksUrl === undefined
        ? await discoverJwksUrl(this.settings.issuer, this.httpTimeoutMs)
        : new URL(this.settings.jwksUrl);
    return createRemoteJWKSet(url, { timeoutDuration: this.httpTimeoutMs });
  }
}
