import { runX12Benchmark } from './x12-benchmark';

/**
 * The X12 benchmark at smoke size: proves it measures what it claims (every claim of the 837 and of the CSV reaches
 * claim-received exactly once) without asserting any timing. Figures come from `npm run bench -- x12`.
 */
describe('X12 benchmark (smoke size)', () => {
  it('moves every claim to claim-received once from the 837 and from the CSV', async () => {
    const result = await runX12Benchmark({ claims: 300 });
    expect(result).toMatchObject({
      claims: 300,
      csvAccepted: 300,
      x12Accepted: 300,
      csvPathEvents: 300,
      x12PathEvents: 300,
    });
    expect(result.x12ToCsvRatio).toBeGreaterThan(0);
    expect(result.x12ReadOnlyPerSecond).toBeGreaterThan(0);
  });
});
