/**
 * Why a bearer token was not accepted. `issuer-unavailable` is the platform's problem (the identity provider or
 * its key set could not be read), every other code is the token's.
 */
export type TokenVerificationCode =
  | 'malformed'
  | 'algorithm-not-allowed'
  | 'unknown-key'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'missing-subject'
  | 'issuer-unavailable';

/**
 * Thrown by `TokenVerifier.verify`. The message names the check that failed and never includes the token or
 * any of its claims, so it is safe to log and to return to the client.
 */
export class TokenVerificationError extends Error {
  constructor(
    readonly code: TokenVerificationCode,
    /** Operational detail for logs (e.g. the discovery URL that failed); never token content. */
    readonly detail?: string,
  ) {
    super(
      detail === undefined ? tokenVerificationMessage(code) : `${tokenVerificationMessage(code)}: ${detail}`,
    );
    this.name = 'TokenVerificationError';
  }

  /** True when the token itself was rejected (HTTP 401), false when the issuer could not be reached (503). */
  get isTokenRejected(): boolean {
    return this.code !== 'issuer-unavailable';
  }
}

/** A client-safe sentence per code; a new code without a message fails to compile. */
export function tokenVerificationMessage(code: TokenVerificationCode): string {
  switch (code) {
    case 'malformed':
      return 'The bearer token is not a well-formed signed JWT.';
    case 'algorithm-not-allowed':
      return 'The bearer token is signed with an algorithm this service does not accept.';
    case 'unknown-key':
      return "The bearer token is not signed by a key of the issuer's key set.";
    case 'bad-signature':
      return 'The bearer token signature does not verify.';
    case 'expired':
      return 'The bearer token has expired.';
    case 'not-yet-valid':
      return 'The bearer token is not valid yet.';
    case 'wrong-issuer':
      return 'The bearer token was issued by another issuer.';
    case 'wrong-audience':
      return 'The bearer token was issued for another audience.';
    case 'missing-subject':
      return 'The bearer token names no subject.';
    case 'issuer-unavailable':
      return 'The identity provider could not be reached to check the bearer token.';
  }
}
