import { plainToInstance } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  ValidateIf,
  ValidateNested,
  Validate,
  validateSync,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { Type } from 'class-transformer';
import fc from 'fast-check';
import { AssessmentCompletedPayload } from '../events/assessment-completed/assessment-completed.payload';
import { CareAlertIssuedPayload } from '../events/care-alert-issued/care-alert-issued.payload';
import { CareGapClosedPayload } from '../events/care-gap-closed/care-gap-closed.payload';
import { CareGapDetectedPayload } from '../events/care-gap-detected/care-gap-detected.payload';
import { ClaimReceivedPayload } from '../events/claim-received/claim-received.payload';
import { ClaimSubmission } from '../events/claims-inbound/claim-submission.payload';
import { MemberEligibilityChangedPayload } from '../events/member-eligibility-changed/member-eligibility-changed.payload';
import { MemberIdentifiedPayload } from '../events/member-identified/member-identified.payload';
import { SurveyTriggeredPayload } from '../events/survey-triggered/survey-triggered.payload';
import {
  aValidInstitutionalClaim,
  aValidMember,
  aValidPharmacyClaim,
  aValidProfessionalClaim,
} from '../testing/claim-factory';
import {
  aClosedGapPayload,
  aDetectedGapPayload,
  anAlertPayload,
  anAssessmentPayload,
  anIdentificationPayload,
  aSurveyPayload,
} from '../testing/payload-examples';
import { EventEnvelopeSchema } from './event-envelope';
import { claimContextOf } from '../events/claims-inbound/claim-context';
import { toInstance } from './planned-transform';
import { passesValidation, type UnknownFields } from './planned-validation';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type PayloadClass = new () => object;

const UUID = '0b6f0c1e-58a5-4b7e-9f51-1f3a2c9d7e10';

/** A valid value of each class, written here (not produced by the code under test), for the mutations below. */
const BASES: ReadonlyArray<readonly [string, PayloadClass, Json]> = [
  [
    'an envelope',
    EventEnvelopeSchema,
    {
      id: UUID,
      type: 'claim-received',
      version: 1,
      occurredAt: '2025-01-15T10:00:00Z',
      source: 'claims-intake',
      subject: 'M-1',
      correlationId: 'CLM-1',
      causationId: null,
      data: { any: 'thing' },
    },
  ],
  ['a professional claim', ClaimSubmission, aValidProfessionalClaim() as unknown as Json],
  ['an institutional claim', ClaimSubmission, aValidInstitutionalClaim() as unknown as Json],
  ['a pharmacy claim', ClaimSubmission, aValidPharmacyClaim() as unknown as Json],
  [
    'a received claim',
    ClaimReceivedPayload,
    {
      claim: aValidProfessionalClaim() as unknown as Json,
      intakeChannel: 'kafka',
      receivedAt: '2025-01-16T08:00:00Z',
    },
  ],
  [
    'an eligibility change',
    MemberEligibilityChangedPayload,
    { changeType: 'updated', member: aValidMember() as unknown as Json, changedFields: ['address'] },
  ],
  ['an identification', MemberIdentifiedPayload, anIdentificationPayload() as Json],
  ['a detected gap', CareGapDetectedPayload, aDetectedGapPayload() as Json],
  [
    'a detected adherence gap',
    CareGapDetectedPayload,
    {
      ...(aDetectedGapPayload() as Record<string, Json>),
      ruleId: 'statin-adherence',
      kind: 'adherence',
      reason: 'below-threshold',
      proportionOfDaysCovered: 0.61,
      evidenceClaimIds: ['CLM-1'],
    },
  ],
  ['a closed gap', CareGapClosedPayload, aClosedGapPayload() as Json],
  ['an alert', CareAlertIssuedPayload, anAlertPayload() as Json],
  ['a survey', SurveyTriggeredPayload, aSurveyPayload() as Json],
  ['an assessment', AssessmentCompletedPayload, anAssessmentPayload() as Json],
];

/** class-validator's verdict, and the value as it leaves validation (unknown fields stripped). */
function reference(
  cls: PayloadClass,
  plain: Json,
  unknownFields: UnknownFields,
): { ok: boolean; value: string } {
  const value = plainToInstance(cls, structuredClone(plain));
  const errors = validateSync(value, {
    whitelist: true,
    forbidNonWhitelisted: unknownFields === 'forbid',
    forbidUnknownValues: true,
  });
  return { ok: errors.length === 0, value: JSON.stringify(shapeOf(value)) };
}

function planned(
  cls: PayloadClass,
  plain: Json,
  unknownFields: UnknownFields,
): { ok: boolean; value: string } {
  const value = toInstance(cls, structuredClone(plain));
  return { ok: passesValidation(value, unknownFields), value: JSON.stringify(shapeOf(value)) };
}

/**
 * A value with what JSON leaves out: each object's class, and the claim context class-transformer's `@Transform`
 * attaches to a claim's items (its index, sibling count and the claim's id).
 */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (typeof value !== 'object' || value === null) return value;
  const context = claimContextOf(value);
  return {
    class: (value.constructor as { name?: string } | undefined)?.name,
    ...(context === undefined
      ? {}
      : { context: [context.index, context.siblings?.length, context.claim['claimId']] }),
    ...Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shapeOf(item)])),
  };
}

/** Every path to a value inside `value` (object keys and array indexes), the root excluded. */
function pathsOf(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      [...prefix, key],
      ...pathsOf(item, [...prefix, key]),
    ]);
  }
  return [];
}

type Edit =
  | { kind: 'set'; value: Json }
  | { kind: 'delete' }
  | { kind: 'add-key'; key: string; value: Json }
  | { kind: 'duplicate' };

function applyEdit(root: Json, path: ReadonlyArray<string | number>, edit: Edit): Json {
  const copy = structuredClone(root);
  let parent: Json = copy;
  for (const step of path.slice(0, -1)) parent = (parent as Record<string, Json>)[step] ?? null;
  const last = path[path.length - 1] ?? '';
  const container = parent as Record<string | number, Json>;
  if (edit.kind === 'set') container[last] = edit.value;
  else if (edit.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else Reflect.deleteProperty(container, last);
  } else if (edit.kind === 'add-key') {
    const target = container[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target))
      target[edit.key] = edit.value;
    else container[last] = { [edit.key]: edit.value };
  } else if (Array.isArray(parent)) parent.push(structuredClone(parent[Number(last)] ?? null));
  return copy;
}

/** Values around the rules: empty, wrong type, edge numbers, long and odd strings, dates, codes. */
const edgeValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    '',
    ' ',
    0,
    -1,
    1,
    1.5,
    0.001,
    1e21,
    999999999.99,
    1000000000,
    true,
    false,
    [],
    {},
    [null],
    [{}],
    'x'.repeat(51),
    'x'.repeat(101),
    'x'.repeat(10_001),
    '\u0000',
    '\uFE0F',
    '2025-02-29',
    '2024-02-29',
    '2999-01-01',
    '1899-12-31',
    '2025-01-15',
    '2025-01-16',
    '2025-01-15T10:00:00Z',
    '2025-01-15T10:00:00',
    'E11.9',
    'E119',
    'Z00',
    '99213',
    'G0101',
    '1245319599',
    '1245319590',
    '12345678901',
    '0001-2345-67',
    '0002-3227-30',
    '11',
    '99',
    'professional',
    'institutional',
    'pharmacy',
    'subscriber',
    'spouse',
    UUID,
    'M-1',
    'CLM-1',
  ),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: edgeValue.map((value): Edit => ({ kind: 'set', value })) },
  { weight: 2, arbitrary: fc.constant<Edit>({ kind: 'delete' }) },
  { weight: 1, arbitrary: fc.constant<Edit>({ kind: 'duplicate' }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('extra', 'futureField', 'lines', 'memberId', 'data', 'toString', 'valueOf'),
        edgeValue,
      )
      .map(([key, value]): Edit => ({ kind: 'add-key', key, value })),
  },
);

describe('passesValidation', () => {
  it.each(BASES.map(([name, cls, plain]) => [name, cls, plain] as const))(
    'passes %s, as class-validator does',
    (_name, cls, plain) => {
      expect(reference(cls, plain, 'forbid').ok).toBe(true);
      expect(planned(cls, plain, 'forbid')).toEqual(reference(cls, plain, 'forbid'));
    },
  );

  it.each<UnknownFields>(['strip', 'forbid'])(
    'gives class-validator verdict, and strips the same fields, on 3,000 mutated values (%s unknown fields)',
    (unknownFields) => {
      let refused = 0;
      fc.assert(
        fc.property(
          fc.constantFrom(...BASES),
          fc.array(fc.tuple(fc.nat(), edit), { minLength: 1, maxLength: 3 }),
          ([, cls, base], edits) => {
            let plain = base;
            for (const [pick, change] of edits) {
              const paths = pathsOf(plain);
              if (paths.length === 0) break;
              plain = applyEdit(plain, paths[pick % paths.length] ?? [], change);
            }
            // The planned transform builds what class-transformer builds, valid or not.
            expect(JSON.stringify(shapeOf(toInstance(cls, structuredClone(plain))))).toBe(
              JSON.stringify(shapeOf(plainToInstance(cls, structuredClone(plain)))),
            );
            const expected = reference(cls, plain, unknownFields);
            if (!expected.ok) refused += 1;
            const actual = planned(cls, plain, unknownFields);
            expect(actual.ok).toBe(expected.ok);
            // On a no the caller asks class-validator, which strips the rest; on a yes the values must agree.
            if (expected.ok) expect(actual.value).toBe(expected.value);
          },
        ),
        { numRuns: 3000, seed: 20261207 },
      );
      // The mutations reach both sides of the rules: most are refused, many still pass.
      expect(refused).toBeGreaterThan(1000);
      expect(refused).toBeLessThan(2900);
    },
  );

  describe('follows the executor on rules the contracts use rarely', () => {
    @ValidatorConstraint({ name: 'isEven', async: false })
    class IsEven implements ValidatorConstraintInterface {
      validate(value: unknown): boolean {
        return typeof value === 'number' && value % 2 === 0;
      }
    }
    @ValidatorConstraint({ name: 'isLater', async: true })
    class IsLater implements ValidatorConstraintInterface {
      validate(): Promise<boolean> {
        return Promise.resolve(true);
      }
    }
    class Leaf {
      @IsInt()
      n!: number;
    }
    class Sample {
      @IsOptional()
      @IsString()
      note?: string | null;

      @ValidateIf((object: Sample) => object.kind === 'even')
      @IsDefined()
      @Validate(IsEven)
      evenNumber?: number;

      @IsOptional()
      @Validate(IsEven, { each: true })
      evens?: number[];

      @IsOptional()
      @ValidateNested()
      @Type(() => Leaf)
      leaves?: Leaf[][] | Leaf;

      @IsString()
      kind!: string;
    }
    class Later {
      @Validate(IsLater)
      when!: string;
    }
    class Unknown {
      anything?: string;
    }

    it.each<[string, Json]>([
      ['a null optional field', { kind: 'odd', note: null }],
      ['a skipped ValidateIf with IsDefined', { kind: 'odd' }],
      ['ValidateIf applied', { kind: 'even', evenNumber: 4 }],
      ['ValidateIf applied, IsDefined failing', { kind: 'even' }],
      ['ValidateIf applied, the constraint failing', { kind: 'even', evenNumber: 3 }],
      ['each item checked', { kind: 'odd', evens: [2, 4, 6] }],
      ['each item, one failing', { kind: 'odd', evens: [2, 5] }],
      ['each on a non-array', { kind: 'odd', evens: 4 as Json }],
      ['nested arrays of objects', { kind: 'odd', leaves: [[{ n: 1 }], [{ n: 2 }, { n: 3 }]] }],
      ['a nested array item that is no object', { kind: 'odd', leaves: [[{ n: 1 }, 7]] }],
      ['a nested object failing', { kind: 'odd', leaves: { n: 1.5 } }],
      ['a nested null', { kind: 'odd', leaves: [[null]] }],
      ['a nested string', { kind: 'odd', leaves: 'leaf' }],
    ])('%s', (_name, plain) => {
      for (const unknownFields of ['strip', 'forbid'] as const) {
        const expected = reference(Sample, plain, unknownFields);
        const actual = planned(Sample, plain, unknownFields);
        expect(actual.ok).toBe(expected.ok);
        if (expected.ok) expect(actual.value).toBe(expected.value);
      }
    });

    it('leaves async constraints and classes without rules to class-validator', () => {
      expect(passesValidation(plainToInstance(Later, { when: 'now' }), 'strip')).toBe(false);
      expect(validateSync(plainToInstance(Later, { when: 'now' }))).toEqual([]);
      expect(passesValidation(plainToInstance(Unknown, { anything: 'x' }), 'strip')).toBe(false);
      expect(passesValidation({ plain: 'object' }, 'strip')).toBe(false);
    });
  });
});
