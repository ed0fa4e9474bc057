import { errors } from 'jose';
import type { TokenVerificationCode } from './token-verification.error';

/**
 * Maps an error thrown by jose's `jwtVerify` (with a remote key set) to a verification code. Errors that are not
 * jose's (network failures while fetching the key set) and key-set fetch failures mean the issuer is unavailable.
 */
export function tokenVerificationCodeOf(error: unknown): TokenVerificationCode {
  if (!(error instanceof errors.JOSEError)) return 'issuer-unavailable';
  switch (error.code) {
    case 'ERR_JWT_EXPIRED':
      return 'expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return claimCodeOf(error instanceof errors.JWTClaimValidationFailed ? error.claim : '');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'algorithm-not-allowed';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'bad-signature';
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'unknown-key';
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
    case 'ERR_JOSE_GENERIC': // jose throws the generic error only for a key set response that is not 200 JSON
      return 'issuer-unavailable';
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
    case 'ERR_JOSE_NOT_SUPPORTED':
    case 'ERR_JWK_INVALID':
    case 'ERR_JWE_INVALID':
    case 'ERR_JWE_DECRYPTION_FAILED':
      return 'malformed';
    default: // codes of later jose versions
      return 'malformed';
  }
}

function claimCodeOf(claim: string): TokenVerificationCode {
  switch (claim) {
    case 'iss':
      return 'wrong-issuer';
    case 'aud':
      return 'wrong-audience';
    case 'sub':
      return 'missing-subject';
    case 'nbf':
      return 'not-yet-valid';
    default:
      return 'malformed';
  }
}
