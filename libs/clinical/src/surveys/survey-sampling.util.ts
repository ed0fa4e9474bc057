import { createHmac } from 'node:crypto';

/** The parts of a visit's identity: one member, one provider, one day. */
export interface SurveyVisitIdentity {
  readonly memberId: string;
  /** The provider the visit was with (rendering NPI, else billing NPI). */
  readonly providerNpi: string;
  /** YYYY-MM-DD */
  readonly serviceDate: string;
}

/**
 * The visit key `member|npi|date`: however many claims or lines describe a visit, they share this key. Member ids
 * and NPIs cannot contain `|`, so the key is unambiguous.
 */
export function surveyVisitKey(visit: SurveyVisitIdentity): string {
  return `${visit.memberId}|${visit.providerNpi}|${visit.serviceDate}`;
}

const DRAW_BYTES = 6;
const DRAW_RANGE = 2 ** (8 * DRAW_BYTES);

/**
 * The visit's random draw in [0, 1): the first 48 bits of HMAC-SHA256(seed, visit key) divided by 2^48. The same
 * visit and seed always give the same draw (a replay decides alike); a different seed gives an independent draw;
 * without the seed nobody (a provider, say) can tell which visits will be sampled. 48 bits keep the value exact in a
 * double and make the step (3.6e-15) far below any sampling rate.
 */
export function surveySamplingDraw(visitKey: string, seed: string): number {
  return createHmac('sha256', seed).update(visitKey, 'utf8').digest().readUIntBE(0, DRAW_BYTES) / DRAW_RANGE;
}

/** Sampled when the draw falls below the rate: a visit sampled at a rate is sampled at every higher rate. */
export function isSampled(draw: number, rate: number): boolean {
  return draw < rate;
}
