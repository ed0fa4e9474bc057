import { contentHash } from './content-hash.util';

describe('content hash', () => {
  it('ignores key order and undefined fields', () => {
    expect(contentHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      contentHash({ b: { d: 'x', c: [1, 2] }, a: 1, e: undefined }),
    );
  });

  it('changes with any value, including array order', () => {
    const base = contentHash({ a: [1, 2] });
    expect(contentHash({ a: [2, 1] })).not.toBe(base);
    expect(contentHash({ a: [1, 2], b: null })).not.toBe(base);
    expect(contentHash({ a: ['1', 2] })).not.toBe(base);
  });
});
