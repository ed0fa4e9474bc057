import { createHash } from 'node:crypto';

/**
 * A short fingerprint of the sampling seed (first 12 hex digits of its SHA-256), recorded with every visit so ops can
 * tell which seed decided it without the seed itself ever being shown (knowing it would let anyone predict the sample).
 */
export function seedFingerprintOf(seed: string): string {
  return createHash('sha256').update(seed, 'utf8').digest('hex').slice(0, 12);
}
