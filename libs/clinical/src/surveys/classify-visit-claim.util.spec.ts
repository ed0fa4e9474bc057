import { classifyVisitClaim } from './classify-visit-claim.util';
import { DEFAULT_VISIT_CLASSIFICATION_OPTIONS } from './survey-visit-codes.data';
import type { VisitClaimInput, VisitClaimLineInput, VisitClassificationOptions } from './survey-visit.types';

const DAY = '2026-03-10';

const officeClaim = (
  lines: VisitClaimLineInput[],
  overrides: Partial<VisitClaimInput> = {},
): VisitClaimInput => ({
  claimType: 'professional',
  adjudicationStatus: 'paid',
  frequency: 'original',
  serviceDateFrom: DAY,
  placeOfService: '11',
  lines,
  ...overrides,
});
const line = (procedureCode: string, extra: Partial<VisitClaimLineInput> = {}): VisitClaimLineInput => ({
  lineNumber: 1,
  procedureCode,
  ...extra,
});
const classify = (
  claim: VisitClaimInput,
  options: VisitClassificationOptions = DEFAULT_VISIT_CLASSIFICATION_OPTIONS,
) => classifyVisitClaim(claim, options);
const ALL_ON: VisitClassificationOptions = { includeNurseVisits: true, includeTelehealth: true };

describe('classifyVisitClaim', () => {
  describe('code families (paid professional office claim)', () => {
    it.each<[string, string, 'preventive' | 'sick']>([
      ['99202', 'office-new', 'sick'],
      ['99203', 'office-new', 'sick'],
      ['99204', 'office-new', 'sick'],
      ['99205', 'office-new', 'sick'],
      ['99212', 'office-established', 'sick'],
      ['99213', 'office-established', 'sick'],
      ['99214', 'office-established', 'sick'],
      ['99215', 'office-established', 'sick'],
      ['99381', 'preventive-new', 'preventive'],
      ['99384', 'preventive-new', 'preventive'],
      ['99387', 'preventive-new', 'preventive'],
      ['99391', 'preventive-established', 'preventive'],
      ['99395', 'preventive-established', 'preventive'],
      ['99397', 'preventive-established', 'preventive'],
      ['G0438', 'annual-wellness', 'preventive'],
      ['G0439', 'annual-wellness', 'preventive'],
    ])('%s is a %s visit (%s)', (code, family, kind) => {
      expect(classify(officeClaim([line(code)]))).toEqual({
        visit: true,
        kind,
        family,
        procedureCode: code,
        lineNumber: 1,
        serviceDate: DAY,
        telehealth: false,
      });
    });

    it.each([
      ['99201 (deleted from CPT in 2021)', '99201'],
      ['99216 (not a code)', '99216'],
      ['99380 (below the preventive range)', '99380'],
      ['99388 (above the new-patient preventive range)', '99388'],
      ['99390', '99390'],
      ['99398', '99398'],
      ['99221 (hospital inpatient care)', '99221'],
      ['99283 (emergency department)', '99283'],
      ['G0402 (Welcome to Medicare exam is not in the set)', 'G0402'],
      ['G0444 (depression screening line)', 'G0444'],
      ['83036 (HbA1c lab)', '83036'],
      ['3044F (CPT II)', '3044F'],
    ])('%s is no visit', (_name, code) => {
      expect(classify(officeClaim([line(code)]))).toEqual({ visit: false, reason: 'no-office-visit-code' });
    });

    it('reads lower-case and padded codes', () => {
      expect(classify(officeClaim([line(' g0439 ')]))).toMatchObject({ visit: true, procedureCode: 'G0439' });
    });
  });

  describe('optional families', () => {
    it('leaves out 99211 by default and counts it when nurse visits are switched on', () => {
      expect(classify(officeClaim([line('99211')]))).toEqual({
        visit: false,
        reason: 'nurse-visit-excluded',
      });
      expect(classify(officeClaim([line('99211')]), ALL_ON)).toMatchObject({
        visit: true,
        family: 'nurse-visit',
        kind: 'sick',
      });
    });

    it.each([
      '98966',
      '98967',
      '98968',
      '99441',
      '99442',
      '99443',
      '99421',
      '99422',
      '99423',
      'G2010',
      'G2012',
    ])('leaves out telehealth code %s by default and counts it when telehealth is switched on', (code) => {
      expect(classify(officeClaim([line(code)]))).toEqual({ visit: false, reason: 'telehealth-excluded' });
      expect(classify(officeClaim([line(code)]), ALL_ON)).toMatchObject({
        visit: true,
        family: 'telehealth',
        telehealth: true,
      });
    });

    it.each<[string, Partial<VisitClaimInput>, VisitClaimLineInput]>([
      ['place of service 02', { placeOfService: '02' }, line('99213')],
      ['place of service 10 (home)', { placeOfService: '10' }, line('99213')],
      ['modifier 95', {}, line('99213', { modifiers: ['95'] })],
      ['modifier 93 (audio only)', {}, line('99214', { modifiers: ['25', '93'] })],
      ['modifier GT', {}, line('99395', { modifiers: ['gt'] })],
    ])('treats an office visit code by telehealth (%s) as telehealth', (_name, claim, visitLine) => {
      expect(classify(officeClaim([visitLine], claim))).toEqual({
        visit: false,
        reason: 'telehealth-excluded',
      });
      expect(classify(officeClaim([visitLine], claim), ALL_ON)).toMatchObject({
        visit: true,
        telehealth: true,
      });
    });

    it('a counted visit wins over a switched-off line on the same claim', () => {
      expect(classify(officeClaim([line('99211'), line('99213', { lineNumber: 2 })]))).toMatchObject({
        visit: true,
        procedureCode: '99213',
        lineNumber: 2,
      });
    });
  });

  describe('claim types and statuses', () => {
    it.each<[string, Partial<VisitClaimInput>, string]>([
      [
        'an institutional claim, even with an office code on a line',
        { claimType: 'institutional' },
        'institutional',
      ],
      ['a pharmacy claim', { claimType: 'pharmacy', lines: [] }, 'pharmacy'],
      ['a denied professional claim', { adjudicationStatus: 'denied' }, 'denied'],
      ['a void', { frequency: 'void' }, 'voided'],
      ['a void of a denied claim', { frequency: 'void', adjudicationStatus: 'denied' }, 'voided'],
      ['a void of an institutional claim', { frequency: 'void', claimType: 'institutional' }, 'voided'],
    ])('%s is no visit', (_name, overrides, reason) => {
      expect(classify(officeClaim([line('99213')], overrides))).toEqual({ visit: false, reason });
    });

    it.each<[string, Partial<VisitClaimInput>]>([
      [
        'a pending claim (the visit happened; adjudication is about payment)',
        { adjudicationStatus: 'pending' },
      ],
      ['a paid replacement', { frequency: 'replacement' }],
      ['an outpatient-hospital place of service (22)', { placeOfService: '22' }],
    ])('%s is a visit', (_name, overrides) => {
      expect(classify(officeClaim([line('99213')], overrides))).toMatchObject({ visit: true });
    });

    it('a professional claim without lines is no visit', () => {
      expect(classify(officeClaim([], { lines: undefined }))).toEqual({
        visit: false,
        reason: 'no-office-visit-code',
      });
    });
  });

  describe('several visit lines: one visit per claim', () => {
    it('the earliest line date decides', () => {
      const claim = officeClaim(
        [
          line('99214', { lineNumber: 1, serviceDate: '2026-03-12' }),
          line('99213', { lineNumber: 2, serviceDate: '2026-03-11' }),
        ],
        { serviceDateFrom: '2026-03-11' },
      );
      expect(classify(claim)).toMatchObject({
        procedureCode: '99213',
        serviceDate: '2026-03-11',
        lineNumber: 2,
      });
    });

    it('a preventive visit wins over a sick visit on the same day (modifier 25)', () => {
      const claim = officeClaim([line('99213', { modifiers: ['25'] }), line('99396', { lineNumber: 2 })]);
      expect(classify(claim)).toMatchObject({ kind: 'preventive', procedureCode: '99396', lineNumber: 2 });
    });

    it('then the lowest line number', () => {
      const claim = officeClaim([line('99214', { lineNumber: 3 }), line('99213', { lineNumber: 2 })]);
      expect(classify(claim)).toMatchObject({ procedureCode: '99213', lineNumber: 2 });
    });

    it("a line without a date takes the claim's first service date", () => {
      expect(classify(officeClaim([line('99213')], { serviceDateFrom: '2026-01-02' }))).toMatchObject({
        serviceDate: '2026-01-02',
      });
    });
  });
});
