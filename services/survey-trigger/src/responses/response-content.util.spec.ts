import { responseContentHash, responseContentOf } from './response-content.util';

describe('survey response content', () => {
  const answers = [
    { topic: 'quality-of-care', value: 9 },
    { topic: 'getting-needed-care', value: 4 },
  ] as const;

  it('orders answers by the survey topic order and normalizes the answer time', () => {
    expect(responseContentOf(answers, '2026-03-12T10:00:00+01:00')).toEqual({
      answers: [
        { topic: 'getting-needed-care', value: 4 },
        { topic: 'quality-of-care', value: 9 },
      ],
      respondedAt: '2026-03-12T09:00:00.000Z',
    });
  });

  it('hashes the same answers in another order and the same time in another form alike', () => {
    const hash = responseContentHash(responseContentOf(answers, '2026-03-12T09:00:00Z'));
    expect(
      responseContentHash(responseContentOf([...answers].reverse(), '2026-03-12T10:00:00.000+01:00')),
    ).toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, Parameters<typeof responseContentOf>[0], string | undefined]>([
    [
      'another value',
      [
        { topic: 'quality-of-care', value: 8 },
        { topic: 'getting-needed-care', value: 4 },
      ],
      '2026-03-12T09:00:00Z',
    ],
    ['a topic fewer', [{ topic: 'quality-of-care', value: 9 }], '2026-03-12T09:00:00Z'],
    ['another time', answers, '2026-03-12T09:00:01Z'],
    ['no time', answers, undefined],
  ])('hashes %s differently', (_name, other, respondedAt) => {
    const hash = responseContentHash(responseContentOf(answers, '2026-03-12T09:00:00Z'));
    expect(responseContentHash(responseContentOf(other, respondedAt))).not.toBe(hash);
  });
});
