import { runPoisonFuzz } from './claim-fuzz';

jest.setTimeout(600_000);

/**
 * The poison-input properties at CI size (300 generated cases per path; `npm run bench -- poison --cases 10000`
 * runs 10,000). A failure prints the seed: `POISON_SEED=<seed>` (or `npm run bench -- poison --seed <seed> --cases 300`) replays it.
 */
describe('claim intake under generated poison input (property-based, real broker and database)', () => {
  it('answers no 5xx, applies or dead-letters every message exactly once, and nothing downstream is refused', async () => {
    const seed = process.env['POISON_SEED'];
    const result = await runPoisonFuzz({ cases: 300, ...(seed === undefined ? {} : { seed: Number(seed) }) });
    const context = `seed ${result.seed}`;
    expect({ context, serverErrors: result.serverErrors }).toEqual({ context, serverErrors: [] });
    expect(
      Object.keys(result.httpStatuses).every((status) =>
        ['200', '201', '400', '409', '413'].includes(status),
      ),
    ).toBe(true);
    expect({ context, batchFailures: result.batchFailures }).toEqual({ context, batchFailures: [] });
    expect(Object.values(result.batchItemStatuses).reduce((sum, count) => sum + count, 0)).toBe(300);
    expect({ context, unaccounted: result.kafka.unaccounted }).toEqual({ context, unaccounted: [] });
    expect({ context, doubled: result.kafka.doubled }).toEqual({ context, doubled: [] });
    expect(result.kafka.applied + result.kafka.duplicates + result.kafka.deadLettered).toBe(
      result.kafka.produced,
    );
    expect(result.kafka.produced).toBeGreaterThan(250);
    // The generator reaches both sides of the rules: valid claims are applied and bad ones dead-lettered.
    expect(result.kafka.applied).toBeGreaterThan(30);
    expect(result.kafka.deadLettered).toBeGreaterThan(30);
    expect(result.httpStatuses['201'] ?? 0).toBeGreaterThan(30);
    expect(result.httpStatuses['400'] ?? 0).toBeGreaterThan(30);
    expect(result.downstreamDeadLetters).toBe(0);
    expect(result.allReady).toBe(true);
  });
});
