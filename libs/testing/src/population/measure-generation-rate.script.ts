/**
 * Measures how fast the synthetic population streams claims. Run by hand (not a test):
 *   node -r @swc-node/register libs/testing/src/population/measure-generation-rate.script.ts [claims=200000] [seed=1]
 * Prints claims/s for plain objects and for objects serialized with JSON.stringify, and the heap afterwards
 * (flat, since claims are streamed household by household).
 */
import { createPopulation } from './population.factory';

/** Generous household count: the loop stops at the requested number of claims (≈ 40 claims per household). */
const CLAIMS_PER_HOUSEHOLD_LOWER_BOUND = 20;

function measure(label: string, claims: number, seed: number, consume: (claim: object) => number): void {
  const population = createPopulation({
    seed,
    households: Math.ceil(claims / CLAIMS_PER_HOUSEHOLD_LOWER_BOUND),
    asOf: '2025-06-30',
  });
  const started = process.hrtime.bigint();
  let count = 0;
  let checksum = 0;
  for (const claim of population.claims()) {
    checksum += consume(claim);
    count += 1;
    if (count >= claims) break;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const heapMb = Math.round(process.memoryUsage().heapUsed / 1048576);
  console.log(
    `${label}: ${count} claims in ${seconds.toFixed(2)} s = ${Math.round(count / seconds).toLocaleString('en-US')} claims/s (heap ${heapMb} MB, checksum ${checksum})`,
  );
}

const claims = Number(process.argv[2] ?? 200_000);
const seed = Number(process.argv[3] ?? 1);
measure('warm-up', Math.min(claims, 20_000), seed, () => 1);
measure('objects', claims, seed, (claim) => (claim as { version: number }).version);
measure('objects + JSON.stringify', claims, seed, (claim) => JSON.stringify(claim).length);
