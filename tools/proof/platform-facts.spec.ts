import { compareFacts, factTotals, ledgerProblems, oneEventPerRow } from './platform-facts';
import { recoveryOf } from './proof';

const facts = (entries: Record<string, Array<[string, number]>>): Record<string, Map<string, number>> =>
  Object.fromEntries(Object.entries(entries).map(([kind, rows]) => [kind, new Map(rows)]));

describe('compareFacts', () => {
  it('finds nothing between equal runs', () => {
    const run = facts({ 'topic member-identified': [['M1|diabetes|1', 1]] });
    expect(compareFacts(run, facts({ 'topic member-identified': [['M1|diabetes|1', 1]] }))).toEqual([]);
  });

  it('names a missing, an extra and a doubled fact, in order of kind and identity', () => {
    const clean = facts({
      'table casework.tasks not cancelled': [['gap-outreach|M1|routine|open', 2]],
      'topic member-identified': [
        ['M1|diabetes|1', 1],
        ['M2|asthma|1', 1],
      ],
    });
    const faulted = facts({
      'table casework.tasks not cancelled': [['gap-outreach|M1|routine|open', 3]],
      'topic member-identified': [
        ['M1|diabetes|1', 1],
        ['M3|copd|1', 1],
      ],
    });
    expect(compareFacts(clean, faulted)).toEqual([
      {
        kind: 'table casework.tasks not cancelled',
        identity: 'gap-outreach|M1|routine|open',
        expected: 2,
        actual: 3,
      },
      { kind: 'topic member-identified', identity: 'M2|asthma|1', expected: 1, actual: 0 },
      { kind: 'topic member-identified', identity: 'M3|copd|1', expected: 0, actual: 1 },
    ]);
  });

  it('treats a kind one run lacks as empty', () => {
    expect(compareFacts(facts({ 'dead letters': [['claims-inbound|invalid|C1', 1]] }), {})).toEqual([
      { kind: 'dead letters', identity: 'claims-inbound|invalid|C1', expected: 1, actual: 0 },
    ]);
  });

  it('totals each kind for the report', () => {
    expect(
      factTotals(
        facts({
          a: [
            ['x', 2],
            ['y', 1],
          ],
          b: [],
        }),
      ),
    ).toEqual({ a: 3, b: 0 });
  });
});

describe('oneEventPerRow', () => {
  it('accepts one event per row', () => {
    expect(
      oneEventPerRow(
        'care-gap-detected',
        'gap',
        new Map([
          ['g1', 1],
          ['g2', 1],
        ]),
        new Set(['g1', 'g2']),
      ),
    ).toEqual([]);
  });

  it('reports a doubled announcement, an event without a row and a row never announced', () => {
    expect(
      oneEventPerRow(
        'care-gap-detected',
        'gap',
        new Map([
          ['g1', 2],
          ['g9', 1],
        ]),
        new Set(['g1', 'g2']),
      ),
    ).toEqual([
      'care-gap-detected: 1 gap(s) announced more than once',
      'care-gap-detected: 1 event(s) with no gap behind them',
      'care-gap-detected: 1 gap(s) never announced',
    ]);
  });
});

describe('ledgerProblems', () => {
  // e1 twice on the topic (a resend), e2 once, e3 only at a position the group dead-lettered.
  const onTopic = new Map([
    ['e1', ['0:1', '0:7']],
    ['e2', ['1:4']],
    ['e3', ['2:9']],
  ]);
  const deadLettered = new Set(['2:9']);

  it('accepts a group that applied every event it had to once, however many copies it read', () => {
    expect(
      ledgerProblems(
        'casework.task-inputs',
        'care-gap-detected',
        onTopic,
        deadLettered,
        new Map([
          ['e1', 1],
          ['e2', 1],
        ]),
      ),
    ).toEqual([]);
  });

  it('reports an event never applied, events applied more than once and an application with no event', () => {
    expect(
      ledgerProblems(
        'casework.task-inputs',
        'care-gap-detected',
        onTopic,
        new Set<string>(),
        new Map([
          ['e1', 3],
          ['e2', 2],
          ['e9', 1],
        ]),
      ),
    ).toEqual([
      'casework.task-inputs: 1 event(s) of care-gap-detected never applied',
      'casework.task-inputs: 2 event(s) of care-gap-detected applied more than once (up to 3 times)',
      'casework.task-inputs: 1 event(s) recorded as applied that are not on care-gap-detected',
    ]);
  });

  it('reports every event of a group whose inbox recorded nothing', () => {
    expect(
      ledgerProblems('care-gaps.gap-inputs', 'claim-received', onTopic, deadLettered, new Map()),
    ).toEqual(['care-gaps.gap-inputs: 2 event(s) of claim-received never applied']);
  });
});

describe('recoveryOf', () => {
  const samples: Array<readonly [number, number | null]> = [
    [0, 100],
    [1, 120],
    [2, null],
    [3, 5000],
    [4, 900],
    [5, 300],
    [6, 200],
  ];

  it('is the time from the fault’s end until the lag is back near its level before the fault', () => {
    // Before the fault at 1.5 s: 120; back under 120 * 1.1 + 100 = 232 at 6 s, 3 s after the end at 3 s.
    expect(recoveryOf(samples, 1.5, 3)).toBe(3);
  });

  it('is the wait for the next sample when the lag never rose, and null when it never came back', () => {
    expect(
      recoveryOf(
        [
          [0, 10],
          [1, 10],
        ],
        0.5,
        0.5,
      ),
    ).toBe(0.5);
    expect(recoveryOf(samples, 1.5, 6.5)).toBeNull();
  });
});
