/**
 * The subset of a FHIR R4 QuestionnaireResponse this library reads (plain types, no FHIR library).
 * Other fields may be present and are ignored.
 */
export interface FhirCoding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}

/** One answer of a QuestionnaireResponse item; only `valueCoding` is read. */
export interface FhirQuestionnaireResponseAnswer {
  readonly valueCoding?: FhirCoding;
  readonly valueInteger?: number;
  readonly valueDecimal?: number;
  readonly valueString?: string;
  readonly item?: readonly FhirQuestionnaireResponseItem[];
}

/** One item (question or group) of a QuestionnaireResponse. */
export interface FhirQuestionnaireResponseItem {
  readonly linkId: string;
  readonly text?: string;
  readonly answer?: readonly FhirQuestionnaireResponseAnswer[];
  readonly item?: readonly FhirQuestionnaireResponseItem[];
}

/** A FHIR R4 QuestionnaireResponse, reduced to what instrument mapping reads. */
export interface FhirQuestionnaireResponse {
  readonly resourceType: 'QuestionnaireResponse';
  readonly questionnaire?: string;
  readonly status?: string;
  readonly item?: readonly FhirQuestionnaireResponseItem[];
}
