import { LOINC_SYSTEM } from '@care/clinical';
import type { ScreeningScore } from '../scoring/score-screening.util';
import type { ScreeningSubmission } from '../submission/screening-submission';
import { INSTRUMENT_DEFINITIONS } from '../scoring/instrument-definitions';

type FhirResource = Readonly<Record<string, unknown>>;

/** Identifier system of screening ids in the FHIR resources this service builds. */
export const SCREENING_ID_SYSTEM = 'urn:care-platform:behavioral-screening:screening-id';
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';

/**
 * The QuestionnaireResponse stored with a screening: as received for FHIR submissions; built from the validated
 * answers for answers given to a coach (panel group, one LOINC-coded answer per item, like a FHIR client sends).
 */
export function questionnaireResponseOf(submission: ScreeningSubmission, score: ScreeningScore): FhirResource {
  if (submission.questionnaireResponse !== undefined) return submission.questionnaireResponse;
  const definition = INSTRUMENT_DEFINITIONS[score.instrument];
  return {
    resourceType: 'QuestionnaireResponse',
    ...(FHIR_ID.test(submission.screeningId) && { id: submission.screeningId }),
    identifier: { system: SCREENING_ID_SYSTEM, value: submission.screeningId },
    questionnaire: `${LOINC_SYSTEM}/q/${definition.panelLoinc}`,
    status: 'completed',
    subject: { reference: `Patient/${submission.memberId}` },
    authored: submission.completedAt,
    item: [
      {
        linkId: definition.panelLoinc,
        text: definition.title,
        item: score.answers.map((answer) => {
          const item = definition.items[answer.item - 1];
          const option = item?.answers.find((candidate) => candidate.value === answer.value);
          return {
            linkId: answer.loinc,
            ...(item !== undefined && { text: item.text }),
            answer: [
              {
                valueCoding: {
                  system: LOINC_SYSTEM,
                  code: answer.answerLoinc,
                  ...(option !== undefined && { display: option.display }),
                },
              },
            ],
          };
        }),
      },
    ],
  };
}

/** How the Observation points back to the QuestionnaireResponse: by resource id, else by identifier. */
function referenceTo(questionnaireResponse: FhirResource, screeningId: string): FhirResource {
  const id = questionnaireResponse['id'];
  return typeof id === 'string' && FHIR_ID.test(id)
    ? { reference: `QuestionnaireResponse/${id}` }
    : { type: 'QuestionnaireResponse', identifier: { system: SCREENING_ID_SYSTEM, value: screeningId } };
}

/**
 * The derived total-score Observation (LOINC total code, integer value, positive/negative interpretation) that
 * points back to the QuestionnaireResponse it was computed from (`derivedFrom`).
 */
export function totalScoreObservationOf(
  submission: ScreeningSubmission,
  score: ScreeningScore,
  questionnaireResponse: FhirResource,
): FhirResource {
  return {
    resourceType: 'Observation',
    identifier: [{ system: `${SCREENING_ID_SYSTEM}:total`, value: submission.screeningId }],
    status: 'final',
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey' }] }],
    code: { coding: [{ system: LOINC_SYSTEM, code: score.totalLoinc }] },
    subject: { reference: `Patient/${submission.memberId}` },
    effectiveDateTime: submission.completedAt,
    valueInteger: score.total,
    interpretation: [{ coding: [{ system: INTERPRETATION, code: score.positive ? 'POS' : 'NEG' }] }],
    derivedFrom: [referenceTo(questionnaireResponse, submission.screeningId)],
  };
}
