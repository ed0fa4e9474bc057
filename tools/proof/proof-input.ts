import { createHash } from 'node:crypto';
import { createPopulation, type ClaimSubmissionPlain, type MemberRecordPlain } from '@care/testing';

/** The whole input of one proof run: the same for the clean run and the faulted run. */
export interface ProofInput {
  readonly seed: number;
  readonly asOf: string;
  readonly members: readonly MemberRecordPlain[];
  /** Claims sent over HTTP batches (`POST /v1/claims/batch`), in order. */
  readonly httpClaims: readonly ClaimSubmissionPlain[];
  /** Claims published to `claims-inbound` as a claims system would, in order. */
  readonly kafkaClaims: readonly ClaimSubmissionPlain[];
}

/**
 * A deterministic input of about `claims` claims: households of the seeded synthetic population, whole, until the
 * count is reached; even households' claims go over HTTP, odd ones to `claims-inbound` (both intake paths).
 * `asOf` is fixed by the caller so the clean and the faulted run decide on the same day.
 */
export function buildProofInput(options: { claims: number; seed: number; asOf: string }): ProofInput {
  const population = createPopulation({ seed: options.seed, households: 1_000_000, asOf: options.asOf });
  const members: MemberRecordPlain[] = [];
  const httpClaims: ClaimSubmissionPlain[] = [];
  const kafkaClaims: ClaimSubmissionPlain[] = [];
  for (let index = 0; httpClaims.length + kafkaClaims.length < options.claims; index += 1) {
    const household = population.household(index);
    members.push(...household.members);
    (index % 2 === 0 ? httpClaims : kafkaClaims).push(...household.claims);
  }
  return { seed: options.seed, asOf: options.asOf, members, httpClaims, kafkaClaims };
}

/**
 * A stable event id for a claims-inbound message: the same claim version gets the same id in every run and on
 * every re-send, as a claims system that keeps its own message ids would give it.
 */
export function inboundEventId(claim: Pick<ClaimSubmissionPlain, 'claimId' | 'version'>): string {
  const hex = createHash('sha256')
    .update(`claims-inbound/${claim.claimId}/${String(claim.version)}`)
    .digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
