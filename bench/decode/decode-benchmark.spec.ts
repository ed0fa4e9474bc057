import { runDecodeBenchmark } from './decode-benchmark';

describe('the decode benchmark at a smoke size', () => {
  it('decodes every message on both paths and reports a time for each', () => {
    const result = runDecodeBenchmark({ messages: 300, rounds: 1 });
    expect(result.messages).toBe(300);
    for (const micros of [result.plannedMicros, result.classValidatorMicros, result.jsonParseMicros]) {
      expect(Number.isFinite(micros) && micros > 0).toBe(true);
    }
  });
});
