import {
  applyClaimVersion,
  CONDITION_RULES,
  HYPERTENSION_RULE,
  type ClaimSetting,
  type DrugClass,
} from '@care/clinical';
import {
  aValidInstitutionalClaim,
  aValidPharmacyClaim,
  aValidProfessionalClaim,
  type ClaimSubmission,
} from '@care/contracts';
import { claimEvidenceOf } from './claim-evidence.mapper';
import type { StoredClaim } from './stored-evidence.types';

/** Every rule of the catalog, in catalog order (the order `ruleIds` follows). */
const ALL_RULE_IDS = [
  'diabetes',
  'heart-failure',
  'copd',
  'asthma',
  'hypertension',
  'coronary-artery-disease',
  'chronic-kidney-disease',
  'depression',
  'hyperlipidemia',
  'atrial-fibrillation',
];

const withDiagnoses = (...codes: string[]): ClaimSubmission =>
  aValidProfessionalClaim({ diagnoses: codes.map((code) => ({ code })) });
const withNdc = (ndc: string): ClaimSubmission => {
  const claim = aValidPharmacyClaim();
  return { ...claim, drug: { ...claim.drug!, ndc } };
};

describe('claimEvidenceOf', () => {
  it('keeps a professional claim with its setting, diagnoses in order and the rules it concerns', () => {
    expect(claimEvidenceOf(aValidProfessionalClaim(), CONDITION_RULES)).toStrictEqual({
      claimId: 'CLM-P-0001',
      memberId: 'M0000001',
      version: 1,
      voided: false,
      serviceDate: '2025-01-15',
      setting: 'professional',
      diagnosisCodes: ['E11.9', 'I10'],
      drugClass: null,
      ndc: null,
      ruleIds: ['diabetes', 'hypertension'],
    });
  });

  it('keeps an institutional outpatient claim dated by its first day of service', () => {
    expect(claimEvidenceOf(aValidInstitutionalClaim(), CONDITION_RULES)).toStrictEqual({
      claimId: 'CLM-I-0001',
      memberId: 'M0000001',
      version: 1,
      voided: false,
      serviceDate: '2025-02-03',
      setting: 'outpatient',
      // J18.9 (pneumonia) concerns no rule but is kept: the claim as a whole concerns diabetes.
      diagnosisCodes: ['J18.9', 'E11.9'],
      drugClass: null,
      ndc: null,
      ruleIds: ['diabetes'],
    });
  });

  it('keeps a pharmacy fill with its drug class and no diagnoses', () => {
    expect(claimEvidenceOf(aValidPharmacyClaim(), CONDITION_RULES)).toStrictEqual({
      claimId: 'CLM-RX-0001',
      memberId: 'M0000001',
      version: 1,
      voided: false,
      serviceDate: '2025-03-10',
      setting: 'pharmacy',
      diagnosisCodes: [],
      drugClass: 'metformin',
      ndc: '00093104801',
      ruleIds: ['diabetes'],
    });
  });

  it.each<[string, ClaimSubmission, ClaimSetting]>([
    ['professional, office', aValidProfessionalClaim(), 'professional'],
    [
      'professional, inpatient hospital place of service',
      aValidProfessionalClaim({ placeOfService: '21' }),
      'professional',
    ],
    [
      'institutional 0111 (hospital inpatient)',
      aValidInstitutionalClaim({ typeOfBill: '0111' }),
      'inpatient',
    ],
    [
      'institutional 0121 (hospital inpatient, Part B)',
      aValidInstitutionalClaim({ typeOfBill: '0121' }),
      'inpatient',
    ],
    ['institutional 0181 (swing bed)', aValidInstitutionalClaim({ typeOfBill: '0181' }), 'skilled-nursing'],
    ['institutional 0211 (SNF)', aValidInstitutionalClaim({ typeOfBill: '0211' }), 'skilled-nursing'],
    ['institutional 0327 (home health)', aValidInstitutionalClaim({ typeOfBill: '0327' }), 'home-health'],
    [
      'institutional 0131 (hospital outpatient)',
      aValidInstitutionalClaim({ typeOfBill: '0131' }),
      'outpatient',
    ],
    ['institutional 0771 (FQHC)', aValidInstitutionalClaim({ typeOfBill: '0771' }), 'outpatient'],
    [
      'institutional 0851 (critical access outpatient)',
      aValidInstitutionalClaim({ typeOfBill: '0851' }),
      'outpatient',
    ],
    ['institutional 0811 (hospice)', aValidInstitutionalClaim({ typeOfBill: '0811' }), 'other'],
    ['pharmacy', aValidPharmacyClaim(), 'pharmacy'],
  ])('setting of a %s claim', (_name, claim, expected) => {
    expect(claimEvidenceOf(claim, CONDITION_RULES).setting).toBe(expected);
  });

  it.each<[ClaimSubmission['frequency'], boolean]>([
    ['original', false],
    ['replacement', false],
    ['void', true],
  ])('a %s claim is voided: %s', (frequency, voided) => {
    const evidence = claimEvidenceOf(aValidProfessionalClaim({ frequency, version: 3 }), CONDITION_RULES);
    expect(evidence.voided).toBe(voided);
    expect(evidence.version).toBe(3);
  });

  it.each<[string, string, DrugClass | null, string[]]>([
    ['metformin (hyphenated)', '00093-1048-01', 'metformin', ['diabetes']],
    ['metformin, larger pack', '00093104810', 'metformin', ['diabetes']],
    ['insulin', '00088222033', 'insulin', ['diabetes']],
    ['glipizide', '00049411066', 'sulfonylurea', ['diabetes']],
    ['semaglutide', '00169413212', 'glp1-agonist', ['diabetes']],
    ['fluticasone', '00173071820', 'inhaled-corticosteroid', ['asthma']],
    ['montelukast', '00006011731', 'leukotriene-modifier', ['asthma']],
    ['furosemide', '00054429725', 'loop-diuretic', ['heart-failure']],
    ['lisinopril', '00310013110', 'ace-inhibitor', ['heart-failure', 'hypertension']],
    ['losartan', '00006095231', 'arb', ['heart-failure', 'hypertension']],
    ['sacubitril/valsartan', '00078065920', 'arni', ['heart-failure']],
    ['atorvastatin', '00071015523', 'statin', ['hyperlipidemia']],
    ['an NDC not in the table', '12345678901', null, []],
    ['a 10-digit NDC without hyphens (ambiguous, not converted)', '0093104801', null, []],
    ['a 4-4-2 NDC (padded to 11 digits)', '0093-1048-01', 'metformin', ['diabetes']],
    ['a 5-4-1 NDC (package padded)', '00093-1048-1', 'metformin', ['diabetes']],
  ])('drug class and rules of a fill of %s', (_name, ndc, drugClass, ruleIds) => {
    const evidence = claimEvidenceOf(withNdc(ndc), CONDITION_RULES);
    expect(evidence.drugClass).toBe(drugClass);
    expect(evidence.ruleIds).toEqual(ruleIds);
    expect(evidence.diagnosisCodes).toEqual([]);
  });

  it('keeps the NDC of a fill no rule concerns, for a later code set release to classify', () => {
    const evidence = claimEvidenceOf(withNdc('68180-0513-1'), CONDITION_RULES);
    expect(evidence).toMatchObject({ drugClass: null, ndc: '68180051301', ruleIds: [] });
  });

  it('classifies fills with the code set release it is given', () => {
    const release = { drugClasses: new Map([['68180051301', 'statin' as const]]) };
    const evidence = claimEvidenceOf(withNdc('68180-0513-1'), CONDITION_RULES, release);
    expect(evidence).toMatchObject({ drugClass: 'statin', ndc: '68180051301', ruleIds: ['hyperlipidemia'] });
    expect(claimEvidenceOf(withNdc('00093104801'), CONDITION_RULES, release).drugClass).toBeNull();
  });

  it.each<[string, string[], string[]]>([
    ['diabetes, lower case', ['e11.9'], ['diabetes']],
    ['diabetes with CKD', ['E11.22'], ['diabetes', 'chronic-kidney-disease']],
    ['hypertensive heart and CKD', ['I13.0'], ['heart-failure', 'hypertension', 'chronic-kidney-disease']],
    ['COPD (an asthma exclusion too)', ['J44.9'], ['copd', 'asthma']],
    ['dialysis dependence (exclusion only)', ['Z99.2'], ['hypertension', 'chronic-kidney-disease']],
    ['gestational diabetes (exclusion only)', ['O24.419'], ['diabetes']],
    ['palliative care (excludes from every rule)', ['Z51.5'], ALL_RULE_IDS],
    ['depression and atrial fibrillation', ['F33.1', 'I48.91'], ['depression', 'atrial-fibrillation']],
  ])('rules of a claim with %s', (_name, codes, ruleIds) => {
    const evidence = claimEvidenceOf(withDiagnoses(...codes), CONDITION_RULES);
    expect(evidence.ruleIds).toEqual(ruleIds);
    expect(evidence.diagnosisCodes).toEqual(codes);
  });

  it.each<[string, string[]]>([
    ['pneumonia and a fracture', ['J18.9', 'S52.501A']],
    ['an upper respiratory infection', ['J06.9']],
    ['a truncated code shorter than every prefix (I1)', ['I1']],
  ])('drops the diagnoses of a claim no rule concerns: %s', (_name, codes) => {
    const evidence = claimEvidenceOf(withDiagnoses(...codes), CONDITION_RULES);
    expect(evidence.ruleIds).toEqual([]);
    expect(evidence.diagnosisCodes).toEqual([]);
  });

  it('looks only at the rules it is given', () => {
    expect(claimEvidenceOf(aValidProfessionalClaim(), [HYPERTENSION_RULE]).ruleIds).toEqual(['hypertension']);
    const none = claimEvidenceOf(aValidProfessionalClaim(), []);
    expect(none.ruleIds).toEqual([]);
    expect(none.diagnosisCodes).toEqual([]);
  });

  it('keeps the diagnoses of a voided claim that concerns a rule', () => {
    const evidence = claimEvidenceOf(
      aValidProfessionalClaim({ frequency: 'void', version: 2 }),
      CONDITION_RULES,
    );
    expect(evidence).toMatchObject({
      voided: true,
      diagnosisCodes: ['E11.9', 'I10'],
      ruleIds: ['diabetes', 'hypertension'],
    });
  });
});

const aStoredClaim = (overrides: Partial<StoredClaim> = {}): StoredClaim => ({
  claimId: 'CLM-1',
  memberId: 'M1',
  version: 1,
  voided: false,
  serviceDate: '2025-01-15',
  setting: 'professional',
  diagnosisCodes: ['E11.9'],
  drugClass: null,
  ndc: null,
  ruleIds: ['diabetes'],
  ...overrides,
});

describe('applyClaimVersion', () => {
  it('keeps the first version seen and re-evaluates its rules', () => {
    const incoming = aStoredClaim({ ruleIds: ['diabetes', 'hypertension'] });
    expect(applyClaimVersion(undefined, incoming)).toStrictEqual({
      next: incoming,
      affectedRuleIds: ['diabetes', 'hypertension'],
    });
  });

  it('keeps a void seen first (so later versions are ignored) without re-evaluating anything', () => {
    const incoming = aStoredClaim({ voided: true, version: 2 });
    expect(applyClaimVersion(undefined, incoming)).toStrictEqual({ next: incoming, affectedRuleIds: [] });
  });

  it('keeps an unrelated first claim with no rules to re-evaluate', () => {
    const incoming = aStoredClaim({ diagnosisCodes: [], ruleIds: [] });
    expect(applyClaimVersion(undefined, incoming)).toStrictEqual({ next: incoming, affectedRuleIds: [] });
  });

  it.each<[string, string[], string[], string[]]>([
    ['same rules', ['diabetes'], ['diabetes'], ['diabetes']],
    ['a diagnosis added', ['diabetes'], ['diabetes', 'hypertension'], ['diabetes', 'hypertension']],
    [
      'a diagnosis corrected away',
      ['diabetes', 'hypertension'],
      ['hypertension'],
      ['diabetes', 'hypertension'],
    ],
    [
      'diagnoses swapped',
      ['diabetes', 'hypertension'],
      ['copd', 'hypertension'],
      ['copd', 'diabetes', 'hypertension'],
    ],
    ['no longer concerning any rule', ['diabetes'], [], ['diabetes']],
    ['now concerning a rule', [], ['asthma'], ['asthma']],
  ])(
    'a newer version (%s) replaces the stored one and re-evaluates old and new rules',
    (_name, oldRules, newRules, affected) => {
      const existing = aStoredClaim({ version: 1, ruleIds: oldRules });
      const incoming = aStoredClaim({ version: 2, ruleIds: newRules, serviceDate: '2025-01-16' });
      const outcome = applyClaimVersion(existing, incoming);
      expect(outcome.next).toBe(incoming);
      expect([...outcome.affectedRuleIds].sort()).toEqual(affected);
      expect(outcome.previousMember).toBeUndefined();
    },
  );

  it.each<[string, number, number]>([
    ['an older version', 3, 2],
    ['the same version again', 3, 3],
  ])('ignores %s', (_name, storedVersion, incomingVersion) => {
    const existing = aStoredClaim({ version: storedVersion });
    const incoming = aStoredClaim({ version: incomingVersion, ruleIds: ['copd'] });
    expect(applyClaimVersion(existing, incoming)).toStrictEqual({ next: null, affectedRuleIds: [] });
  });

  it.each<[string, number, number, number]>([
    ['a newer void', 2, 3, 3],
    ['a void of the same version', 2, 2, 2],
    ['a void of an older version (keeps the highest version)', 4, 1, 4],
  ])(
    '%s voids the stored claim and re-evaluates its rules',
    (_name, storedVersion, voidVersion, keptVersion) => {
      const existing = aStoredClaim({ version: storedVersion, ruleIds: ['diabetes', 'hypertension'] });
      const incoming = aStoredClaim({
        version: voidVersion,
        voided: true,
        serviceDate: '2025-02-02',
        diagnosisCodes: ['J44.9'],
        ruleIds: ['copd', 'asthma'],
      });
      expect(applyClaimVersion(existing, incoming)).toStrictEqual({
        next: { ...existing, voided: true, version: keptVersion },
        affectedRuleIds: ['diabetes', 'hypertension'],
      });
    },
  );

  it('voids the claim of the stored member even when the void names another member', () => {
    const existing = aStoredClaim({ memberId: 'M1', version: 1 });
    const incoming = aStoredClaim({ memberId: 'M2', version: 2, voided: true });
    const outcome = applyClaimVersion(existing, incoming);
    expect(outcome.next).toStrictEqual({ ...existing, voided: true, version: 2 });
    expect(outcome.affectedRuleIds).toEqual(['diabetes']);
    expect(outcome.previousMember).toBeUndefined();
  });

  it.each<[string, Partial<StoredClaim>]>([
    ['a newer active version', { version: 5 }],
    ['a newer version moving the claim to another member', { version: 5, memberId: 'M2' }],
    ['another void', { version: 5, voided: true }],
    ['an older version', { version: 1 }],
  ])('ignores %s after a void (a void is final)', (_name, change) => {
    const existing = aStoredClaim({ version: 2, voided: true });
    const incoming = aStoredClaim({ ruleIds: ['copd'], ...change });
    expect(applyClaimVersion(existing, incoming)).toStrictEqual({ next: null, affectedRuleIds: [] });
  });

  it('moves a replaced claim to another member and re-evaluates both members', () => {
    const existing = aStoredClaim({ memberId: 'M1', version: 1, ruleIds: ['diabetes', 'hypertension'] });
    const incoming = aStoredClaim({ memberId: 'M2', version: 2, ruleIds: ['diabetes'] });
    expect(applyClaimVersion(existing, incoming)).toStrictEqual({
      next: incoming,
      affectedRuleIds: ['diabetes'],
      previousMember: { memberId: 'M1', ruleIds: ['diabetes', 'hypertension'] },
    });
  });

  it('ignores an older version even when it names another member', () => {
    const existing = aStoredClaim({ memberId: 'M1', version: 3 });
    const incoming = aStoredClaim({ memberId: 'M2', version: 2 });
    expect(applyClaimVersion(existing, incoming)).toStrictEqual({ next: null, affectedRuleIds: [] });
  });
});
