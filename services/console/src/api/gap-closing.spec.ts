import type { GapRule } from '@care/clinical';
import { describeGapClosing } from './gap-closing';

const rule = (parts: Partial<GapRule>): GapRule =>
  ({
    id: 'r',
    version: 'v',
    name: 'R',
    kind: 'screening',
    eligibility: [],
    exclusions: {},
    providerAlertTo: 'attributed-pcp',
    source: 's',
    ...parts,
  }) as GapRule;

describe('what closes a gap, in words', () => {
  it.each([
    ['one service of a group', rule({ closing: [[{ id: 'mammography', codes: {} }]] }), 'mammography'],
    [
      'any service of a group, every group',
      rule({
        closing: [
          [{ id: 'egfr', codes: {} }],
          [
            { id: 'uacr-lab', codes: {} },
            { id: 'uacr-cpt-pair', codes: {} },
          ],
        ],
      }),
      'egfr, and uacr lab or uacr cpt pair',
    ],
    [
      'a result in control',
      rule({ control: { loincCodes: ['4548-4'], resultCodes: {}, openAbove: 9 } }),
      'a result of 9 or under',
    ],
    [
      'adherence',
      rule({
        adherence: {
          drugClasses: ['statin'],
          minFillsOnDistinctDates: 2,
          minDaysFromFirstFillToPeriodEnd: 91,
          minProportionOfDaysCovered: 0.8,
        },
      }),
      'statin fills covering 80% of days',
    ],
    [
      'a refill',
      rule({ refill: { drugClasses: ['ace-inhibitor', 'arb'], graceDays: 15, activeWithinDays: 180 } }),
      'the next ace inhibitor or arb fill',
    ],
  ])('%s', (_name, gapRule, expected) => {
    expect(describeGapClosing(gapRule)).toBe(expected);
  });
});
