/** CONTRACT: the kinds of case casework opens. Adding a value is a breaking change for consumers. */
export const CASE_TYPES = ['case-management', 'coaching', 'advocacy'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/**
 * CONTRACT: a casework identifier (case id, program id): 1–64 letters, digits, `.`, `_` or `-`, starting with a
 * letter or digit.
 */
export const CASEWORK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The message of a {@link CASEWORK_ID_PATTERN} rule; `$property` is replaced by the field path. */
export const CASEWORK_ID_MESSAGE =
  "$property must be 1-64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit";
