import { CONDITION_RULES } from '../conditions/condition-rules.catalog';
import { GAP_RULES } from '../gaps/gap-rules.catalog';
import { BUILT_IN_CODE_SET_RELEASE } from './built-in-code-set-release.data';
import { codeListTargets } from './code-list-targets.util';
import { codeSetReleaseFromJson } from './code-set-release-from-json.util';
import type { CodeSetRelease } from './code-set-release.types';
import { diffCodeSetReleases } from './diff-code-set-releases.util';
import { drugClassInRelease } from './drug-class-in-release.util';

const compiled = (overrides: Record<string, unknown> = {}) => ({
  format: 'care-codesets/1',
  id: 'release-1',
  compiledAt: '2026-12-07T00:00:00.000Z',
  drugClassDefinitions: 'drug-classes-2026.1',
  sources: {},
  drugClasses: { statin: ['00071015523', '68180051301'], metformin: ['00093104801'] },
  codeLists: [{ address: 'conditions/diabetes/diagnosis', codes: ['E119'], valueSets: ['vs|1'] }],
  ...overrides,
});

describe('codeSetReleaseFromJson', () => {
  it('reads a compiled release', () => {
    const release = codeSetReleaseFromJson(compiled());
    expect(release.id).toBe('release-1');
    expect([...release.drugClasses]).toEqual([
      ['00071015523', 'statin'],
      ['68180051301', 'statin'],
      ['00093104801', 'metformin'],
    ]);
    expect(release.codeLists).toEqual([
      { address: 'conditions/diabetes/diagnosis', codes: ['E119'], valueSets: ['vs|1'] },
    ]);
  });

  it('refuses an id that cannot travel in events', () => {
    expect(() => codeSetReleaseFromJson(compiled({ id: 'Release 1' }))).toThrow(
      'code set release: id Release 1 is not a lower-case token of 64 characters at most',
    );
  });

  it('names every problem at once', () => {
    expect(() =>
      codeSetReleaseFromJson(
        compiled({
          format: 'care-codesets/0',
          id: '',
          drugClasses: {
            statin: ['0007101552', '00093104801'],
            metformin: ['00093104801'],
            antacid: ['00000000000'],
          },
          codeLists: [{ address: 'x' }],
        }),
      ),
    ).toThrow(
      'code set release: format is "care-codesets/0", expected "care-codesets/1"; id is missing; ' +
        'drugClasses.statin: 0007101552 is not an 11-digit NDC; NDC 00093104801 is in statin and metformin; ' +
        'unknown drug class antacid; codeLists[0] is not { address, codes, valueSets }',
    );
  });
});

describe('drugClassInRelease', () => {
  const release = codeSetReleaseFromJson(compiled());
  it.each([
    ['68180-0513-1', 'statin'],
    ['68180051301', 'statin'],
    ['0093-1048-01', 'metformin'],
    ['0093104801', null],
    ['00002751001', null],
  ])('%s → %s', (ndc, drugClass) => {
    expect(drugClassInRelease(release, ndc)).toBe(drugClass);
  });
});

describe('diffCodeSetReleases', () => {
  const targets = codeListTargets(CONDITION_RULES, GAP_RULES);
  const next: CodeSetRelease = codeSetReleaseFromJson(compiled());

  it('lists NDCs added and removed per class and code lists that change, against the built-in release', () => {
    const diff = diffCodeSetReleases(BUILT_IN_CODE_SET_RELEASE, next, targets);
    expect(diff.drugClasses.find((item) => item.drugClass === 'statin')).toEqual({
      drugClass: 'statin',
      before: 1,
      after: 2,
      added: ['68180051301'],
      removed: [],
    });
    expect(diff.drugClasses.find((item) => item.drugClass === 'insulin')).toEqual({
      drugClass: 'insulin',
      before: 2,
      after: 0,
      added: [],
      removed: ['00002751001', '00088222033'],
    });
    expect(diff.codeLists).toEqual([
      {
        address: 'conditions/diabetes/diagnosis',
        from: { before: 'built-in', after: 'value-sets' },
        added: ['E119'],
        removed: ['E08', 'E09', 'E10', 'E11', 'E13'],
      },
    ]);
  });

  it('finds nothing between a release and itself', () => {
    const diff = diffCodeSetReleases(next, next, targets);
    expect(diff.codeLists).toEqual([]);
    expect(diff.drugClasses.every((item) => item.added.length === 0 && item.removed.length === 0)).toBe(true);
  });
});
