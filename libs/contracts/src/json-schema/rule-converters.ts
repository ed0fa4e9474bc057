import { IS_POSITIVE, MAX, MIN } from 'class-validator';
import type { ISchemaConverters } from 'class-validator-jsonschema/build/defaultConverters';
import {
  EQUALS_CLAIM_SERVICE_DATE_FROM,
  IS_UNIQUE_IN_CLAIM,
  IS_WITHIN_CLAIM_SERVICE_DATES,
} from '../events/claims-inbound/claim.rules';
import { BIOMETRIC_RANGES } from '../events/assessment-completed/assessment.enums';
import { IS_WITHIN_BIOMETRIC_RANGE } from '../events/assessment-completed/assessment.rules';
import { IS_CONSISTENT_SUBSCRIBER_ID } from '../events/member-eligibility-changed/member.rules';
import { IS_ARRAY_SIZE_WHEN } from '../validators/array-size-when.validator';
import { CALENDAR_DATE_PATTERN, IS_CALENDAR_DATE } from '../validators/calendar-date.validator';
import { CLAIM_ID_PATTERN, IS_CLAIM_ID } from '../validators/claim-id.validator';
import { IS_ON_OR_AFTER } from '../validators/date-on-or-after.validator';
import { IS_FORBIDDEN_WHEN } from '../validators/forbidden-when.validator';
import { ICD10_CM_PATTERN, IS_ICD10_CM_CODE } from '../validators/icd10-cm.validator';
import { IS_ISO_INSTANT, ISO_INSTANT_PATTERN } from '../validators/iso-instant.validator';
import { IS_LOINC_CODE, LOINC_CODE_PATTERN } from '../validators/loinc-code.validator';
import { IS_MEMBER_ID, MEMBER_ID_PATTERN } from '../validators/member-id.validator';
import { IS_MONEY_AMOUNT, MAX_MONEY_AMOUNT } from '../validators/money.validator';
import { HAS_AT_MOST_DECIMALS } from '../validators/decimal-places.validator';
import { IS_NDC, NDC_PATTERN } from '../validators/ndc.validator';
import { IS_NOT_FUTURE_DATE } from '../validators/not-future-date.validator';
import { IS_NPI, NPI_PATTERN } from '../validators/npi.validator';
import { IS_NOT_NULL } from '../validators/optional-field.validator';
import { IS_PLACE_OF_SERVICE, PLACE_OF_SERVICE_PATTERN } from '../validators/place-of-service.validator';
import { IS_PROCEDURE_CODE, PROCEDURE_CODE_PATTERN } from '../validators/procedure-code.validator';
import {
  IS_PROCEDURE_MODIFIER,
  PROCEDURE_MODIFIER_PATTERN,
} from '../validators/procedure-modifier.validator';
import { IS_REQUIRED_WHEN } from '../validators/required-when.validator';
import { IS_REVENUE_CODE, REVENUE_CODE_PATTERN } from '../validators/revenue-code.validator';
import { IS_TIN, TIN_PATTERN } from '../validators/tin.validator';
import { IS_TYPE_OF_BILL, TYPE_OF_BILL_PATTERN } from '../validators/type-of-bill.validator';
import type { JsonSchema } from './json-schema.types';

const text = (pattern: RegExp): JsonSchema => ({ type: 'string', pattern: pattern.source });
const NO_ASSERTION: JsonSchema = {};

/**
 * What each custom rule asserts in JSON Schema, by constraint name. Rules JSON Schema cannot express (check digits,
 * comparisons between fields, "today") assert nothing here; {@link RULE_DESCRIPTIONS} documents them, and
 * class conditionals (claim-type rules) are added by `CLASS_CONDITIONALS`.
 * Also overrides class-validator-jsonschema's `min`/`max`/`isPositive`, which would turn `integer` into `number`.
 */
export const RULE_CONVERTERS: ISchemaConverters = {
  [IS_NPI]: text(NPI_PATTERN),
  [IS_TIN]: text(TIN_PATTERN),
  [IS_ICD10_CM_CODE]: text(ICD10_CM_PATTERN),
  [IS_PROCEDURE_CODE]: text(PROCEDURE_CODE_PATTERN),
  [IS_PROCEDURE_MODIFIER]: text(PROCEDURE_MODIFIER_PATTERN),
  [IS_NDC]: text(NDC_PATTERN),
  [IS_PLACE_OF_SERVICE]: text(PLACE_OF_SERVICE_PATTERN),
  [IS_TYPE_OF_BILL]: text(TYPE_OF_BILL_PATTERN),
  [IS_REVENUE_CODE]: text(REVENUE_CODE_PATTERN),
  [IS_LOINC_CODE]: text(LOINC_CODE_PATTERN),
  [IS_MEMBER_ID]: { ...text(MEMBER_ID_PATTERN), minLength: 1, maxLength: 50 },
  [IS_CLAIM_ID]: { ...text(CLAIM_ID_PATTERN), minLength: 1, maxLength: 50 },
  [IS_CALENDAR_DATE]: { ...text(CALENDAR_DATE_PATTERN), format: 'date' },
  [IS_ISO_INSTANT]: { ...text(ISO_INSTANT_PATTERN), format: 'date-time' },
  [IS_MONEY_AMOUNT]: { type: 'number', minimum: 0, maximum: MAX_MONEY_AMOUNT },
  [HAS_AT_MOST_DECIMALS]: NO_ASSERTION,
  [IS_NOT_FUTURE_DATE]: NO_ASSERTION,
  [IS_ON_OR_AFTER]: NO_ASSERTION,
  [IS_NOT_NULL]: NO_ASSERTION,
  [IS_REQUIRED_WHEN]: NO_ASSERTION,
  [IS_FORBIDDEN_WHEN]: NO_ASSERTION,
  [IS_ARRAY_SIZE_WHEN]: NO_ASSERTION,
  [IS_UNIQUE_IN_CLAIM]: NO_ASSERTION,
  [IS_WITHIN_CLAIM_SERVICE_DATES]: NO_ASSERTION,
  [EQUALS_CLAIM_SERVICE_DATE_FROM]: NO_ASSERTION,
  [IS_CONSISTENT_SUBSCRIBER_ID]: NO_ASSERTION,
  [IS_WITHIN_BIOMETRIC_RANGE]: NO_ASSERTION,
  [MIN]: (meta) => ({ minimum: meta.constraints[0] as number }),
  [MAX]: (meta) => ({ maximum: meta.constraints[0] as number }),
  [IS_POSITIVE]: { exclusiveMinimum: 0 },
};

/** Human-readable notes on rules that JSON Schema cannot (fully) assert; joined into the property description. */
export const RULE_DESCRIPTIONS: Readonly<Record<string, (constraints: readonly unknown[]) => string>> = {
  [IS_NPI]: () => 'NPI: the 10th digit is the Luhn check digit computed over 80840 and the first 9 digits',
  [IS_ICD10_CM_CODE]: () =>
    'ICD-10-CM code, the dot after the 3rd character optional; normalized to upper case without the dot',
  [IS_PROCEDURE_CODE]: () =>
    'CPT (5 digits), CPT II (4 digits + F), CPT III (4 digits + T) or HCPCS Level II (A-V + 4 digits)',
  [IS_NDC]: () => 'NDC: 11 digits or 5-4-2 hyphenated; normalized to 11 digits',
  [IS_CALENDAR_DATE]: () => 'calendar date YYYY-MM-DD, 1900-01-01 to 2199-12-31',
  [IS_ISO_INSTANT]: () => 'ISO-8601 instant with a time zone',
  [IS_MONEY_AMOUNT]: () => 'amount in dollars, 0 to 999999999.99, at most 2 decimal places',
  [HAS_AT_MOST_DECIMALS]: ([places]) => `at most ${String(places)} decimal places`,
  [IS_NOT_FUTURE_DATE]: () => 'not after today (UTC)',
  [IS_ON_OR_AFTER]: ([other]) => `on or after ${String(other)}`,
  [IS_REQUIRED_WHEN]: ([when]) => `required when ${String(when)}`,
  [IS_FORBIDDEN_WHEN]: ([when]) => `must be absent when ${String(when)}`,
  [IS_ARRAY_SIZE_WHEN]: ([min, max, when]) =>
    max === 0 ? `empty when ${String(when)}` : `${String(min)} to ${String(max)} items when ${String(when)}`,
  [IS_UNIQUE_IN_CLAIM]: () => 'unique within the claim',
  [IS_WITHIN_CLAIM_SERVICE_DATES]: () => 'within the claim serviceDateFrom to serviceDateTo',
  [EQUALS_CLAIM_SERVICE_DATE_FROM]: () => 'equal to the claim serviceDateFrom',
  [IS_CONSISTENT_SUBSCRIBER_ID]: () =>
    'equal to memberId when relationship is subscriber, different otherwise',
  [IS_WITHIN_BIOMETRIC_RANGE]: () =>
    `within the plausible range of the biometric: ${Object.entries(BIOMETRIC_RANGES)
      .map(([code, range]) => `${code} ${String(range.min)}-${String(range.max)}`)
      .join(', ')}`,
};
