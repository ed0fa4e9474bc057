import { latestEvidence } from './latest-evidence.util';
import { aClaim } from './testing/condition-evidence.factory';

describe('latestEvidence', () => {
  const v1 = aClaim({ claimId: 'a', version: 1, serviceDate: '2024-01-01', diagnosisCodes: ['E119'] });
  const v2 = aClaim({ claimId: 'a', version: 2, serviceDate: '2024-01-01', diagnosisCodes: ['I10'] });
  const void3 = aClaim({ claimId: 'a', version: 3, serviceDate: '2024-01-01', status: 'voided' });
  const voidOld = aClaim({ claimId: 'a', version: 1, serviceDate: '2024-01-01', status: 'voided' });
  const other = aClaim({ claimId: 'b', version: 1, serviceDate: '2023-12-01' });

  it.each([
    ['keeps a single version', [v1], [v1]],
    ['the highest version wins regardless of arrival order', [v2, v1], [v2]],
    ['a void retracts every version', [v1, v2, void3], []],
    ['a void of an earlier version still retracts the claim', [voidOld, v2], []],
    ['sorts by service date, then claim id', [v1, other], [other, v1]],
    ['other claims are unaffected by a void', [v1, void3, other], [other]],
  ] as const)('%s', (_description, input, expected) => {
    expect(latestEvidence(input)).toEqual(expected);
  });
});
