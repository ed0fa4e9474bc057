/** The codes of one FHIR R4 ValueSet's expansion, as read from the resource. */
export interface ValueSetCodes {
  readonly url: string;
  readonly version: string | null;
  readonly codes: ReadonlyArray<{ readonly system: string; readonly code: string }>;
}

/** One line of a value set mapping file: the value set (canonical url, optionally `|version`) and the code list. */
export interface ValueSetMapping {
  readonly valueSet: string;
  readonly codeList: string;
}

/** Format tag of a value set mapping file. */
export const VALUE_SET_MAPPING_FORMAT = 'care-valueset-mapping/1';
