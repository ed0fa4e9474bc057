import { runIntakeBenchmark } from './intake-benchmark';

/**
 * The intake benchmark at smoke size: proves the benchmark measures what it claims (every claim reaches
 * claim-received exactly once on both paths) without asserting any timing. Figures come from `npm run bench`.
 */
describe('intake benchmark (smoke size)', () => {
  it('moves every claim to claim-received once on the Kafka path and the HTTP batch path', async () => {
    const result = await runIntakeBenchmark({ claims: 300 });
    expect(result.kafkaPathEvents).toBe(300);
    expect(result.httpPathEvents).toBe(300);
    expect(result.baselineProduceConsumePerSecond).toBeGreaterThan(0);
    expect(result.kafkaPathRatio).toBeGreaterThan(0);
  });
});
