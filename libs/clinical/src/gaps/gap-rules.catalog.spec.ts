import { DRUG_CLASSES } from '../conditions/drug-class.types';
import type { GapRule } from './gap-rule.types';
import { GAP_RULE_CATALOG_VERSION, GAP_RULES } from './gap-rules.catalog';
import {
  codeRange,
  GAP_RULE_VERSION,
  HOSPICE_PROCEDURE_CODES,
  HOSPICE_REVENUE_CODES,
  HOSPICE_TYPE_OF_BILL_PREFIXES,
  PALLIATIVE_CARE_PROCEDURE_CODES,
} from './rules/gap-shared.rule-data';

const CPT_OR_HCPCS = /^([0-9]{5}|[0-9]{4}[FT]|[A-V][0-9]{4})$/;
const LOINC = /^\d{1,7}-\d$/;

/** LOINC mod-10 check digit of the part before the hyphen (LOINC Users' Guide: double every other digit from the right). */
function loincCheckDigit(body: string): number {
  const sum = [...body].reverse().reduce((total, char, index) => {
    const digit = Number(char);
    const weighted = index % 2 === 0 ? digit * 2 : digit;
    return total + (weighted > 9 ? weighted - 9 : weighted);
  }, 0);
  return (10 - (sum % 10)) % 10;
}

function hasValidLoincCheckDigit(code: string): boolean {
  const [body, check] = code.split('-');
  return body !== undefined && check !== undefined && loincCheckDigit(body) === Number(check);
}

function procedureCodesOf(rule: GapRule): string[] {
  return [
    ...(rule.closing ?? []).flat().flatMap((service) => service.codes.procedureCodes ?? []),
    ...Object.keys(rule.control?.resultCodes ?? {}),
  ];
}

function loincCodesOf(rule: GapRule): string[] {
  return [
    ...(rule.closing ?? []).flat().flatMap((service) => service.codes.loincCodes ?? []),
    ...(rule.control?.loincCodes ?? []),
  ];
}

const byId = GAP_RULES.map((rule) => [rule.id, rule] as const);

describe('LOINC check digit (as implemented in this spec)', () => {
  it.each([
    // 4548: 8*2=16→7, 4, 5*2=10→1, 4 → 16 → check 4
    ['4548-4', true],
    // 2335: 5*2=10→1, 3, 3*2=6, 2 → 12 → check 8
    ['2335-8', true],
    // 33914: 4*2=8, 1, 9*2=18→9, 3, 3*2=6 → 27 → check 3
    ['33914-3', true],
    ['4548-5', false],
    ['2335-0', false],
  ] as const)('%s is %s', (code, valid) => {
    expect(hasValidLoincCheckDigit(code)).toBe(valid);
  });
});

describe('GAP_RULES', () => {
  it('holds the twelve rules of issue 5 with unique ids', () => {
    const ids = GAP_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([
      'adherence-diabetes',
      'adherence-ras-antagonists',
      'adherence-statins',
      'breast-cancer-screening',
      'colorectal-cancer-screening',
      'diabetes-eye-exam',
      'diabetes-hba1c-poor-control',
      'diabetes-hba1c-testing',
      'diabetes-kidney-health-evaluation',
      'late-refill',
      'statin-therapy-cardiovascular',
      'statin-therapy-diabetes',
    ]);
  });

  // Issue 21 changed every rule twice: windows, ages, exclusion windows, hospice HCPCS (gaps-2026.2); institutional
  // hospice by revenue code and type of bill, palliative care G9054 and M1017 (gaps-2026.3).
  it('is versioned as a whole', () => {
    expect(GAP_RULE_CATALOG_VERSION).toBe('gaps-2026.3');
    expect(GAP_RULE_VERSION).toBe('gaps-2026.3');
  });

  it('lists the hospice revenue codes (0115, 0125, 0135, 0145, 0155, 0235, 0650-0659) and types of bill (081x, 082x)', () => {
    expect([...HOSPICE_REVENUE_CODES].sort()).toEqual([
      '0115',
      '0125',
      '0135',
      '0145',
      '0155',
      '0235',
      '0650',
      '0651',
      '0652',
      '0653',
      '0654',
      '0655',
      '0656',
      '0657',
      '0658',
      '0659',
    ]);
    expect([...HOSPICE_TYPE_OF_BILL_PREFIXES].sort()).toEqual(['081', '082']);
  });

  it('lists the palliative care HCPCS codes (G9054, M1017)', () => {
    expect([...PALLIATIVE_CARE_PROCEDURE_CODES].sort()).toEqual(['G9054', 'M1017']);
  });

  it('lists the hospice codes of the exclusion (HCPCS T2042-T2046, S9126, Q5001-Q5010, G9473-G9479; CPT 99377, 99378; G0182)', () => {
    expect([...HOSPICE_PROCEDURE_CODES].sort()).toEqual(
      [
        'T2042',
        'T2043',
        'T2044',
        'T2045',
        'T2046',
        'S9126',
        'Q5001',
        'Q5002',
        'Q5003',
        'Q5004',
        'Q5005',
        'Q5006',
        'Q5007',
        'Q5008',
        'Q5009',
        'Q5010',
        'G9473',
        'G9474',
        'G9475',
        'G9476',
        'G9477',
        'G9478',
        'G9479',
        '99377',
        '99378',
        'G0182',
      ].sort(),
    );
  });

  describe.each(byId)('%s', (_id, rule) => {
    it('has a version, a name and a source', () => {
      expect(rule.version).toBe(GAP_RULE_CATALOG_VERSION);
      expect(rule.name).toMatch(/\S/);
      expect(rule.source).toMatch(/\S/);
      expect(rule.exclusions.note).toMatch(/\S/);
    });

    it('has at least one eligibility with a sane age range and known drug classes', () => {
      expect(rule.eligibility.length).toBeGreaterThan(0);
      for (const eligibility of rule.eligibility) {
        expect(eligibility.minAge).toBeGreaterThanOrEqual(0);
        expect(eligibility.maxAge).toBeGreaterThanOrEqual(eligibility.minAge);
        expect(
          (eligibility.filledDrugClasses ?? []).filter((drugClass) => !DRUG_CLASSES.includes(drugClass)),
        ).toEqual([]);
      }
    });

    it('carries exactly the criterion of its kind', () => {
      expect(rule.closing !== undefined).toBe(rule.kind === 'service');
      expect(rule.control !== undefined).toBe(rule.kind === 'control');
      expect(rule.adherence !== undefined).toBe(rule.kind === 'adherence');
      expect(rule.refill !== undefined).toBe(rule.kind === 'refill');
    });

    it('alerts the prescriber for fill-based rules and the attributed PCP otherwise', () => {
      expect(rule.providerAlertTo).toBe(
        rule.kind === 'adherence' || rule.kind === 'refill' ? 'prescriber' : 'attributed-pcp',
      );
    });

    it('excludes palliative care (Z51.5, G9054, M1017) and hospice services (HCPCS/CPT, revenue codes, types of bill), and lists exclusion prefixes without dots, in upper case', () => {
      expect(rule.exclusions.diagnosisCodePrefixes).toContain('Z515');
      expect(rule.exclusions.procedureCodes).toEqual([...HOSPICE_PROCEDURE_CODES, 'G9054', 'M1017']);
      expect(rule.exclusions.revenueCodes).toEqual(HOSPICE_REVENUE_CODES);
      expect(rule.exclusions.typeOfBillPrefixes).toEqual(['081', '082']);
      expect(
        rule.exclusions.diagnosisCodePrefixes.filter(
          (prefix) => !/^[A-Z][0-9]{2}[0-9A-Z]{0,4}$/.test(prefix),
        ),
      ).toEqual([]);
      expect(
        (rule.exclusions.drugClasses ?? []).filter((drugClass) => !DRUG_CLASSES.includes(drugClass)),
      ).toEqual([]);
    });

    it('has well-formed CPT/HCPCS codes', () => {
      expect(procedureCodesOf(rule).filter((code) => !CPT_OR_HCPCS.test(code))).toEqual([]);
    });

    it('has well-formed LOINC codes with valid check digits', () => {
      const codes = loincCodesOf(rule);
      expect(codes.filter((code) => !LOINC.test(code))).toEqual([]);
      expect(codes.filter((code) => !hasValidLoincCheckDigit(code))).toEqual([]);
    });
  });

  describe.each(byId.filter(([, rule]) => rule.kind === 'service'))('service rule %s', (_id, rule) => {
    const groups = rule.closing ?? [];

    it('has closing groups, each with at least one service with unique ids', () => {
      expect(groups.length).toBeGreaterThan(0);
      for (const group of groups) expect(group.length).toBeGreaterThan(0);
      const ids = groups.flat().map((service) => service.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it.each(groups.flat().map((service) => [service.id, service] as const))(
      'service %s has codes and a sane window',
      (_serviceId, service) => {
        const { procedureCodes = [], loincCodes = [], drugClasses = [] } = service.codes;
        expect(procedureCodes.length + loincCodes.length + drugClasses.length).toBeGreaterThan(0);
        expect(new Set(procedureCodes).size).toBe(procedureCodes.length);
        expect(new Set(loincCodes).size).toBe(loincCodes.length);
        expect(drugClasses.filter((drugClass) => !DRUG_CLASSES.includes(drugClass))).toEqual([]);
        const window = service.window;
        if (window !== undefined) {
          expect(window.yearsBefore).toBeGreaterThanOrEqual(window.endYearsBefore ?? 0);
          expect(window.fromMonth ?? 1).toBeGreaterThanOrEqual(1);
          expect(window.fromMonth ?? 1).toBeLessThanOrEqual(12);
        }
        if (service.requiresAllProcedureCodes === true) expect(procedureCodes.length).toBeGreaterThan(1);
        if (service.withinDays !== undefined) expect(service.requiresAllProcedureCodes).toBe(true);
      },
    );
  });

  it('gives the control rule HbA1c LOINC codes, the four CPT II bands and the 9.0 % threshold', () => {
    const control = GAP_RULES.find((rule) => rule.kind === 'control')?.control;
    expect(control?.openAbove).toBe(9);
    expect([...(control?.loincCodes ?? [])].sort()).toEqual([
      '17855-8',
      '17856-6',
      '4548-4',
      '4549-2',
      '96595-4',
    ]);
    // band representatives: 3044F < 7.0, 3051F 7.0-7.9, 3052F 8.0-9.0, 3046F > 9.0
    const bands = control?.resultCodes ?? {};
    expect(Object.keys(bands).sort()).toEqual(['3044F', '3046F', '3051F', '3052F']);
    expect(bands['3044F']).toBeLessThan(7);
    expect(bands['3051F']).toBeGreaterThanOrEqual(7);
    expect(bands['3051F']).toBeLessThan(8);
    expect(bands['3052F']).toBeGreaterThanOrEqual(8);
    expect(bands['3052F']).toBeLessThanOrEqual(9);
    expect(bands['3046F']).toBeGreaterThan(9);
  });

  it.each(byId.filter(([, rule]) => rule.kind === 'adherence'))(
    'adherence rule %s follows PQA: 2 fills, 91 days, PDC 0.80',
    (_id, rule) => {
      expect(rule.adherence?.minFillsOnDistinctDates).toBe(2);
      expect(rule.adherence?.minDaysFromFirstFillToPeriodEnd).toBe(91);
      expect(rule.adherence?.minProportionOfDaysCovered).toBe(0.8);
      expect(rule.adherence?.drugClasses.length).toBeGreaterThan(0);
      // end-stage renal disease and dialysis in the measurement year exclude from adherence (PQA)
      expect(rule.exclusions.diagnosisCodePrefixes).toEqual(expect.arrayContaining(['N186', 'Z992']));
    },
  );

  it('gives the late-refill rule 15 grace days, 180 active days and only known classes', () => {
    const refill = GAP_RULES.find((rule) => rule.kind === 'refill')?.refill;
    expect(refill?.graceDays).toBe(15);
    expect(refill?.activeWithinDays).toBe(180);
    expect(refill?.drugClasses.length).toBeGreaterThan(0);
    expect((refill?.drugClasses ?? []).filter((drugClass) => !DRUG_CLASSES.includes(drugClass))).toEqual([]);
  });
});

describe('codeRange', () => {
  it.each([
    ['44388', '44394', ['44388', '44389', '44390', '44391', '44392', '44393', '44394']],
    ['2022F', '2026F', ['2022F', '2023F', '2024F', '2025F', '2026F']],
    ['G0104', 'G0105', ['G0104', 'G0105']],
    ['0528F', '0530F', ['0528F', '0529F', '0530F']],
    ['92250', '92250', ['92250']],
  ] as const)('%s..%s', (first, last, codes) => {
    expect(codeRange(first, last)).toEqual(codes);
  });

  it('expands 44388..44394 to 7 codes and 2022F..2026F to 5', () => {
    expect(codeRange('44388', '44394')).toHaveLength(7);
    expect(codeRange('2022F', '2026F')).toHaveLength(5);
  });

  it.each([
    ['different suffixes', '2022F', '20260'],
    ['different prefixes', 'G0104', 'S0105'],
    ['a prefix on one end only', 'G0104', '00105'],
    ['different digit counts', '4438', '44394'],
    ['a code that is not rangeable', '44.38', '44394'],
    ['an empty code', '', '44394'],
    ['a reversed range', '44394', '44388'],
  ] as const)('throws on %s (%s..%s)', (_case, first, last) => {
    expect(() => codeRange(first, last)).toThrow();
  });
});
