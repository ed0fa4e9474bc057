import { matchesDiagnosis } from './matches-diagnosis.util';

describe('matchesDiagnosis', () => {
  const rule = { diagnosisCodePrefixes: ['E11', 'I110'] };

  it.each([
    ['prefix match without dots', rule, ['E119'], true],
    ['dotted, lower-case codes are normalised', rule, ['e11.65'], true],
    ['longer prefix must match fully', rule, ['I119'], false],
    ['longer prefix match', rule, ['I11.0'], true],
    ['any position by default', rule, ['Z0000', 'E119'], true],
    ['restricted to the principal position', { ...rule, maxDiagnosisPosition: 1 }, ['Z0000', 'E119'], false],
    ['restricted to the first two positions', { ...rule, maxDiagnosisPosition: 2 }, ['Z0000', 'E119'], true],
    ['no codes', rule, [], false],
  ] as const)('%s', (_description, candidate, codes, expected) => {
    expect(matchesDiagnosis(candidate, codes)).toBe(expected);
  });
});
