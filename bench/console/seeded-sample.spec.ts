import { sampleWithReplacement, seededRandom } from './seeded-sample';

describe('seeded sampling of members', () => {
  it('repeats the same draws for the same seed and differs for another', () => {
    const first = Array.from({ length: 5 }, seededRandom(7));
    expect(Array.from({ length: 5 }, seededRandom(7))).toEqual(first);
    expect(Array.from({ length: 5 }, seededRandom(8))).not.toEqual(first);
  });

  it('draws floats in [0, 1) spread over the range', () => {
    const random = seededRandom(42);
    const draws = Array.from({ length: 10_000 }, random);
    expect(draws.every((value) => value >= 0 && value < 1)).toBe(true);
    const lowHalf = draws.filter((value) => value < 0.5).length;
    expect(lowHalf).toBeGreaterThan(4_700);
    expect(lowHalf).toBeLessThan(5_300);
  });

  it('draws only from the items given, reaching each of a small set', () => {
    const picked = sampleWithReplacement(['a', 'b', 'c'], 300, seededRandom(1));
    expect(picked).toHaveLength(300);
    expect(new Set(picked)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('draws nothing from no items', () => {
    expect(sampleWithReplacement([], 10, seededRandom(1))).toEqual([]);
  });
});
