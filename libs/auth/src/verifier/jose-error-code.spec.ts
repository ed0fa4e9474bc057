import { errors } from 'jose';
import { tokenVerificationCodeOf } from './jose-error-code';
import type { TokenVerificationCode } from './token-verification.error';

describe('mapping jose verification errors to codes', () => {
  const claimFailure = (claim: string): Error =>
    new errors.JWTClaimValidationFailed('failed', {}, claim, 'check_failed');

  it.each<[string, unknown, TokenVerificationCode]>([
    ['an expired token', new errors.JWTExpired('expired', {}, 'exp', 'check_failed'), 'expired'],
    ['another issuer', claimFailure('iss'), 'wrong-issuer'],
    ['another audience', claimFailure('aud'), 'wrong-audience'],
    ['no subject', new errors.JWTClaimValidationFailed('missing', {}, 'sub', 'missing'), 'missing-subject'],
    ['a token used before nbf', claimFailure('nbf'), 'not-yet-valid'],
    ['a bad iat', claimFailure('iat'), 'malformed'],
    ['a disallowed algorithm', new errors.JOSEAlgNotAllowed('alg'), 'algorithm-not-allowed'],
    ['a bad signature', new errors.JWSSignatureVerificationFailed(), 'bad-signature'],
    ['a key id not in the key set', new errors.JWKSNoMatchingKey(), 'unknown-key'],
    ['an ambiguous key id', new errors.JWKSMultipleMatchingKeys(), 'unknown-key'],
    ['a JWS that does not parse', new errors.JWSInvalid('bad'), 'malformed'],
    ['a JWT payload that does not parse', new errors.JWTInvalid('bad'), 'malformed'],
    ['a key set request timing out', new errors.JWKSTimeout(), 'issuer-unavailable'],
    ['a key set that is not a key set', new errors.JWKSInvalid('bad'), 'issuer-unavailable'],
    [
      'a key set answered with an error status',
      new errors.JOSEError('Expected 200 OK'),
      'issuer-unavailable',
    ],
    ['a network failure', new TypeError('fetch failed'), 'issuer-unavailable'],
  ])('%s is %s', (_case, error, code) => {
    expect(tokenVerificationCodeOf(error)).toBe(code);
  });
});
