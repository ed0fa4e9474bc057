import { SURVEY_VISIT_CODE_FAMILIES, SURVEY_VISIT_CODE_SET_VERSION } from './survey-visit-codes.data';

describe('surveyable visit code set', () => {
  it('has a version', () => {
    expect(SURVEY_VISIT_CODE_SET_VERSION).toMatch(/^survey-visits-\d{4}\.\d+$/);
  });

  it('lists every code in one family only', () => {
    const codes = SURVEY_VISIT_CODE_FAMILIES.flatMap((family) => family.codes);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('holds the ranges of CLINICAL.md section 5, written out', () => {
    const byFamily = Object.fromEntries(
      SURVEY_VISIT_CODE_FAMILIES.map((family) => [family.id, family.codes]),
    );
    expect(byFamily).toEqual({
      'office-new': ['99202', '99203', '99204', '99205'],
      'office-established': ['99212', '99213', '99214', '99215'],
      'nurse-visit': ['99211'],
      'preventive-new': ['99381', '99382', '99383', '99384', '99385', '99386', '99387'],
      'preventive-established': ['99391', '99392', '99393', '99394', '99395', '99396', '99397'],
      'annual-wellness': ['G0438', 'G0439'],
      telehealth: [
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
      ],
    });
  });

  it('switches off only 99211 and telehealth', () => {
    expect(
      SURVEY_VISIT_CODE_FAMILIES.filter((family) => family.optionalBy !== undefined).map((family) => [
        family.id,
        family.optionalBy,
      ]),
    ).toEqual([
      ['nurse-visit', 'includeNurseVisits'],
      ['telehealth', 'includeTelehealth'],
    ]);
  });
});
