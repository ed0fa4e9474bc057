import { ClaimLine } from '../events/claims-inbound/claim-line.payload';
import { ClaimSubmission } from '../events/claims-inbound/claim-submission.payload';
import { MemberEligibilityChangedPayload } from '../events/member-eligibility-changed/member-eligibility-changed.payload';
import type { JsonSchema } from './json-schema.types';

const whenEquals = (property: string, value: string): JsonSchema => ({
  properties: { [property]: { const: value } },
  required: [property],
});

/**
 * Rules that depend on another field, as draft-07 `if`/`then`, added as `allOf` to the class's definition.
 * They mirror the RequiredWhen / ForbiddenWhen / ArraySizeWhen decorators and the claim-context rules.
 */
export const CLASS_CONDITIONALS: Readonly<Record<string, readonly JsonSchema[]>> = {
  [ClaimSubmission.name]: [
    {
      if: whenEquals('claimType', 'professional'),
      then: {
        required: ['placeOfService', 'diagnoses', 'lines'],
        properties: {
          diagnoses: { minItems: 1 },
          lines: { minItems: 1, items: { required: ['procedureCode'], not: { required: ['revenueCode'] } } },
        },
        not: { required: ['drug'] },
      },
    },
    {
      if: whenEquals('claimType', 'institutional'),
      then: {
        required: ['typeOfBill', 'diagnoses', 'lines'],
        properties: { diagnoses: { minItems: 1 }, lines: { minItems: 1 } },
        not: { required: ['drug'] },
      },
    },
    {
      if: whenEquals('claimType', 'pharmacy'),
      then: { required: ['drug'], properties: { lines: { maxItems: 0 } } },
    },
  ],
  [ClaimLine.name]: [{ anyOf: [{ required: ['procedureCode'] }, { required: ['revenueCode'] }] }],
  [MemberEligibilityChangedPayload.name]: [
    { if: whenEquals('changeType', 'updated'), then: { properties: { changedFields: { minItems: 1 } } } },
  ],
};
