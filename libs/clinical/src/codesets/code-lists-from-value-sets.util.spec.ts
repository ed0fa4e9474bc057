import { CONDITION_RULES } from '../conditions/condition-rules.catalog';
import { GAP_RULES } from '../gaps/gap-rules.catalog';
import { codeListTargets } from './code-list-targets.util';
import { codeListsFromValueSets } from './code-lists-from-value-sets.util';
import { rulesWithCodeLists } from './rules-with-code-lists.util';
import { valueSetCodes } from './value-set-codes.util';
import { valueSetMappingsFromJson } from './value-set-mappings-from-json.util';

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const SNOMED = 'http://snomed.info/sct';
const LOINC = 'http://loinc.org';

const valueSet = (url: string, version: string, contains: unknown[]) => ({
  resourceType: 'ValueSet',
  url,
  version,
  status: 'active',
  expansion: { timestamp: '2026-05-01T00:00:00Z', contains },
});

const DIABETES_VS = valueSet('http://cts.nlm.nih.gov/fhir/ValueSet/diabetes', '20260501', [
  { system: ICD, code: 'E11.9' },
  { system: ICD, code: 'e10.65' },
  { system: SNOMED, code: '44054006' },
  { system: ICD, code: 'E11', abstract: true, contains: [{ system: ICD, code: 'E11.21' }] },
]);
const HBA1C_VS = valueSet('http://cts.nlm.nih.gov/fhir/ValueSet/hba1c', '20260501', [
  { system: LOINC, code: '4548-4' },
  { system: LOINC, code: '99999-9' },
]);
const targets = codeListTargets(CONDITION_RULES, GAP_RULES);

describe('valueSetCodes', () => {
  it('flattens the expansion and leaves out abstract entries', () => {
    expect(valueSetCodes(DIABETES_VS)).toEqual({
      url: 'http://cts.nlm.nih.gov/fhir/ValueSet/diabetes',
      version: '20260501',
      codes: [
        { system: ICD, code: 'E11.9' },
        { system: ICD, code: 'e10.65' },
        { system: SNOMED, code: '44054006' },
        { system: ICD, code: 'E11.21' },
      ],
    });
  });

  it.each([
    ['another resource', { resourceType: 'CodeSystem', url: 'x' }, /not a FHIR ValueSet/],
    ['no url', { resourceType: 'ValueSet', expansion: { contains: [] } }, /without url/],
    [
      'no expansion (compose only)',
      { resourceType: 'ValueSet', url: 'u', compose: { include: [] } },
      /has no expansion/,
    ],
    [
      'an entry without code',
      valueSet('u', '1', [{ system: ICD }]),
      /expansion.contains\[0\] has no system or code/,
    ],
  ])('refuses %s', (_case, resource, message) => {
    expect(() => valueSetCodes(resource)).toThrow(message);
  });
});

describe('valueSetMappingsFromJson', () => {
  it('reads the mapping file format', () => {
    expect(
      valueSetMappingsFromJson({
        format: 'care-valueset-mapping/1',
        mappings: [{ valueSet: 'http://x/vs|2', codeList: 'conditions/diabetes/diagnosis' }],
      }),
    ).toEqual([{ valueSet: 'http://x/vs|2', codeList: 'conditions/diabetes/diagnosis' }]);
  });

  it('names every malformed entry', () => {
    expect(() =>
      valueSetMappingsFromJson({ format: 'care-valueset-mapping/1', mappings: [{ valueSet: 'a' }, 'b'] }),
    ).toThrow('mappings[0] is not { valueSet, codeList }; mappings[1] is not { valueSet, codeList }');
  });

  it('refuses another format', () => {
    expect(() => valueSetMappingsFromJson({ format: 'other', mappings: [] })).toThrow(/format is "other"/);
  });
});

describe('codeListsFromValueSets', () => {
  const valueSets = [valueSetCodes(DIABETES_VS), valueSetCodes(HBA1C_VS)];

  it('builds normalised lists from the codes of the list kind and reports other systems', () => {
    const result = codeListsFromValueSets(
      valueSets,
      [
        {
          valueSet: 'http://cts.nlm.nih.gov/fhir/ValueSet/diabetes',
          codeList: 'conditions/diabetes/diagnosis',
        },
        {
          valueSet: 'http://cts.nlm.nih.gov/fhir/ValueSet/hba1c|20260501',
          codeList: 'gaps/diabetes-hba1c-poor-control/control/loinc',
        },
      ],
      targets,
    );
    expect(result.errors).toEqual([]);
    expect(result.codeLists).toEqual([
      {
        address: 'conditions/diabetes/diagnosis',
        codes: ['E1065', 'E1121', 'E119'],
        valueSets: ['http://cts.nlm.nih.gov/fhir/ValueSet/diabetes|20260501'],
      },
      {
        address: 'gaps/diabetes-hba1c-poor-control/control/loinc',
        codes: ['4548-4', '99999-9'],
        valueSets: ['http://cts.nlm.nih.gov/fhir/ValueSet/hba1c|20260501'],
      },
    ]);
    expect(result.warnings).toEqual([
      'http://cts.nlm.nih.gov/fhir/ValueSet/diabetes: 1 codes of other systems than diagnosis skipped for conditions/diabetes/diagnosis',
    ]);
  });

  it('reports unknown lists, missing value sets, wrong versions and lists left empty as errors', () => {
    const result = codeListsFromValueSets(
      valueSets,
      [
        { valueSet: 'http://cts.nlm.nih.gov/fhir/ValueSet/diabetes', codeList: 'conditions/gout/diagnosis' },
        { valueSet: 'http://cts.nlm.nih.gov/fhir/ValueSet/missing', codeList: 'conditions/copd/diagnosis' },
        {
          valueSet: 'http://cts.nlm.nih.gov/fhir/ValueSet/hba1c|20250101',
          codeList: 'conditions/asthma/diagnosis',
        },
        {
          valueSet: 'http://cts.nlm.nih.gov/fhir/ValueSet/hba1c',
          codeList: 'conditions/depression/diagnosis',
        },
      ],
      targets,
    );
    expect(result.errors).toEqual([
      'mapping of http://cts.nlm.nih.gov/fhir/ValueSet/diabetes: no code list conditions/gout/diagnosis in the rule catalogs',
      'mapping to conditions/copd/diagnosis: value set http://cts.nlm.nih.gov/fhir/ValueSet/missing is not in the release',
      'mapping to conditions/asthma/diagnosis: value set http://cts.nlm.nih.gov/fhir/ValueSet/hba1c|20250101 is not in the release',
      'conditions/depression/diagnosis: the mapped value sets hold no code of its kind',
    ]);
    expect(result.codeLists).toEqual([]);
  });
});

describe('rulesWithCodeLists', () => {
  it('replaces only the mapped lists and keeps every other list built in', () => {
    const { conditions, gaps } = rulesWithCodeLists({ conditions: CONDITION_RULES, gaps: GAP_RULES }, [
      { address: 'conditions/diabetes/diagnosis', codes: ['E119'], valueSets: ['vs|1'] },
      {
        address: 'gaps/diabetes-kidney-health-evaluation/closing/uacr-lab/loinc',
        codes: ['1-8'],
        valueSets: ['vs|1'],
      },
    ]);
    const diabetes = conditions.find((rule) => rule.id === 'diabetes');
    expect(diabetes?.diagnosisCodePrefixes).toEqual(['E119']);
    expect(diabetes?.exclusions.diagnosisCodePrefixes).toEqual(['Z515', 'O244']);
    expect(conditions.find((rule) => rule.id === 'copd')).toEqual(
      CONDITION_RULES.find((rule) => rule.id === 'copd'),
    );
    const kidney = gaps.find((rule) => rule.id === 'diabetes-kidney-health-evaluation');
    expect(kidney?.closing?.flat().map((service) => [service.id, service.codes.loincCodes])).toEqual([
      ['egfr', expect.any(Array)],
      ['uacr-lab', ['1-8']],
      ['uacr-cpt-pair', undefined],
    ]);
    expect(kidney?.version).toBe(GAP_RULES.find((rule) => rule.id === kidney?.id)?.version);
  });

  it('replaces a windowed exclusion list and keeps its window', () => {
    const { gaps } = rulesWithCodeLists({ conditions: CONDITION_RULES, gaps: GAP_RULES }, [
      {
        address: 'gaps/statin-therapy-cardiovascular/exclusions-windowed/1',
        codes: ['N186'],
        valueSets: ['vs|1'],
      },
    ]);
    const builtIn = GAP_RULES.find((rule) => rule.id === 'statin-therapy-cardiovascular')?.exclusions
      .windowedDiagnoses;
    const replaced = gaps.find((rule) => rule.id === 'statin-therapy-cardiovascular')?.exclusions
      .windowedDiagnoses;
    expect(replaced?.[0]).toEqual({ ...builtIn?.[0], diagnosisCodePrefixes: ['N186'] });
    expect(replaced?.[0]?.window).toBeDefined();
    expect(replaced?.slice(1)).toEqual(builtIn?.slice(1));
  });

  it('replaces the exclusion procedures (hospice services) of a gap rule', () => {
    const { gaps } = rulesWithCodeLists({ conditions: CONDITION_RULES, gaps: GAP_RULES }, [
      { address: 'gaps/adherence-statins/exclusions-procedures', codes: ['G9473'], valueSets: ['vs|1'] },
    ]);
    expect(gaps.find((rule) => rule.id === 'adherence-statins')?.exclusions.procedureCodes).toEqual([
      'G9473',
    ]);
    expect(gaps.find((rule) => rule.id === 'late-refill')?.exclusions.procedureCodes).toEqual(
      GAP_RULES.find((rule) => rule.id === 'late-refill')?.exclusions.procedureCodes,
    );
  });

  it('refuses an address the catalogs do not have', () => {
    expect(() =>
      rulesWithCodeLists({ conditions: CONDITION_RULES, gaps: GAP_RULES }, [
        { address: 'gaps/no-such-rule/exclusions', codes: ['Z515'], valueSets: [] },
      ]),
    ).toThrow('code lists not in the rule catalogs: gaps/no-such-rule/exclusions');
  });
});
