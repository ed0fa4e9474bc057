import type { VisitClassificationOptions, VisitCodeFamily } from './survey-visit.types';

/** Version of the surveyable-visit code set; recorded with every visit the survey service classifies. */
export const SURVEY_VISIT_CODE_SET_VERSION = 'survey-visits-2026.1';

const CPT = 'CPT evaluation and management codes (AMA); CLINICAL.md section 5';

/**
 * Procedure codes of visits that can trigger a post-visit survey (CLINICAL.md section 5). Data, not logic: a new
 * release edits this list and bumps {@link SURVEY_VISIT_CODE_SET_VERSION}.
 * - Problem-oriented (sick) office visits, new 99202–99205 and established 99212–99215; 99211 (a visit that may not
 *   need a physician, usually a nurse) is left out by some value sets, so it is its own family, off by default.
 * - Preventive (routine) visits, new 99381–99387 and established 99391–99397, by age band.
 * - Medicare annual wellness visits G0438 (initial) and G0439 (subsequent): routine visits with the provider, so
 *   counted as preventive visits (product choice; they appear on Medicare Advantage claims).
 * - Telehealth (telephone, online digital E/M, virtual check-in, remote image review): off by default.
 */
export const SURVEY_VISIT_CODE_FAMILIES: readonly VisitCodeFamily[] = [
  {
    id: 'office-new',
    name: 'Office or outpatient visit, new patient',
    kind: 'sick',
    codes: ['99202', '99203', '99204', '99205'],
    source: CPT,
  },
  {
    id: 'office-established',
    name: 'Office or outpatient visit, established patient',
    kind: 'sick',
    codes: ['99212', '99213', '99214', '99215'],
    source: CPT,
  },
  {
    id: 'nurse-visit',
    name: 'Office visit, established patient, may not require a physician (99211)',
    kind: 'sick',
    codes: ['99211'],
    optionalBy: 'includeNurseVisits',
    source: `${CPT}; left out of some CAHPS visit value sets`,
  },
  {
    id: 'preventive-new',
    name: 'Preventive medicine visit, new patient',
    kind: 'preventive',
    codes: ['99381', '99382', '99383', '99384', '99385', '99386', '99387'],
    source: CPT,
  },
  {
    id: 'preventive-established',
    name: 'Preventive medicine visit, established patient',
    kind: 'preventive',
    codes: ['99391', '99392', '99393', '99394', '99395', '99396', '99397'],
    source: CPT,
  },
  {
    id: 'annual-wellness',
    name: 'Medicare annual wellness visit (initial, subsequent)',
    kind: 'preventive',
    codes: ['G0438', 'G0439'],
    source: 'HCPCS Level II (CMS); CLINICAL.md section 5',
  },
  {
    id: 'telehealth',
    name: 'Telehealth: telephone, online digital E/M, virtual check-in, remote image evaluation',
    kind: 'sick',
    codes: [
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
    optionalBy: 'includeTelehealth',
    source: 'CPT and HCPCS Level II; CLINICAL.md section 5 (a setting, default excluded)',
  },
];

/**
 * Places of service of a visit delivered by telehealth: 02 (telehealth other than in the patient's home) and 10
 * (telehealth in the patient's home), CMS place-of-service code set.
 */
export const TELEHEALTH_PLACES_OF_SERVICE: readonly string[] = ['02', '10'];

/**
 * Modifiers marking an office visit code as delivered by telehealth: 95 (synchronous audio-video), 93 (audio only),
 * FQ (audio only, RHC/FQHC), GT (interactive audio-video), GQ (asynchronous).
 */
export const TELEHEALTH_MODIFIERS: readonly string[] = ['95', '93', 'FQ', 'GT', 'GQ'];

/** CLINICAL.md section 5: 99211 and telehealth are settings, both excluded by default. */
export const DEFAULT_VISIT_CLASSIFICATION_OPTIONS: VisitClassificationOptions = {
  includeNurseVisits: false,
  includeTelehealth: false,
};
