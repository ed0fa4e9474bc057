import { todayUtc } from '../../validators/not-future-date.validator';
import {
  aValidInstitutionalClaim,
  aValidPharmacyClaim,
  aValidProfessionalClaim,
} from '../../testing/claim-factory';
import { validateSubmission } from '../validate-submission';
import { ClaimLine } from './claim-line.payload';
import { ClaimSubmission } from './claim-submission.payload';
import { Diagnosis } from './diagnosis.payload';
import { DrugFill } from './drug-fill.payload';
import { ProviderRef } from './provider-ref.payload';

type Plain = Record<string, unknown>;

const validate = (claim: unknown, forbidUnknownFields = true) =>
  validateSubmission(ClaimSubmission, claim, { forbidUnknownFields });

/** The failing field paths, sorted. */
function failingFields(claim: unknown): string[] {
  const result = validate(claim);
  return result.ok ? [] : result.issues.map((issue) => issue.field).sort();
}

/** Deep copy of a factory claim with `edit` applied to it (for nested edits). */
function edited(
  claim: ClaimSubmission,
  edit: (draft: Plain & { lines: Plain[]; diagnoses: Plain[]; drug: Plain }) => void,
): Plain {
  const draft = structuredClone(claim) as unknown as Plain & {
    lines: Plain[];
    diagnoses: Plain[];
    drug: Plain;
  };
  edit(draft);
  return draft;
}

const tomorrow = todayUtc(new Date(Date.now() + 24 * 60 * 60 * 1000));

describe('ClaimSubmission', () => {
  describe('valid claims', () => {
    it.each([
      ['professional', aValidProfessionalClaim()],
      ['institutional', aValidInstitutionalClaim()],
      ['pharmacy', aValidPharmacyClaim()],
      [
        'pharmacy with empty lines and a diagnosis',
        aValidPharmacyClaim({ lines: [], diagnoses: [{ code: 'E11.9' }] }),
      ],
      [
        'professional with lower-case codes',
        edited(aValidProfessionalClaim(), (c) => {
          c.lines[0]['procedureCode'] = 'g0439';
          c.lines[0]['modifiers'] = ['lt'];
          c.diagnoses[0]['code'] = 'e11.9';
        }),
      ],
      [
        'institutional line with procedure code only',
        edited(aValidInstitutionalClaim(), (c) => {
          delete c.lines[0]['revenueCode'];
          c.lines[0]['procedureCode'] = '99221';
        }),
      ],
      [
        'professional without optional fields',
        aValidProfessionalClaim({
          renderingProvider: undefined,
          totalPaidAmount: undefined,
          lines: [{ lineNumber: 1, procedureCode: '99213', units: 1, chargedAmount: 100 }],
          totalChargedAmount: 100,
        }),
      ],
      [
        'a line with a drug given by NDC (837 loop 2410)',
        edited(aValidProfessionalClaim(), (c) => {
          Object.assign(c.lines[0], { ndc: '00093-1048-01', drugQuantity: 2.5, drugUnit: 'ML' });
        }),
      ],
      [
        'a void with amounts of 0',
        aValidProfessionalClaim({ frequency: 'void', version: 2, totalChargedAmount: 0, totalPaidAmount: 0 }),
      ],
      [
        'today as service date',
        aValidPharmacyClaim({
          serviceDateFrom: todayUtc(),
          serviceDateTo: todayUtc(),
          drug: { ...aValidPharmacyClaim().drug!, fillDate: todayUtc() },
        }),
      ],
    ])('%s passes', (_name, claim) => {
      expect(validate(claim)).toMatchObject({ ok: true });
    });

    it('returns class instances, nested ones included', () => {
      const result = validate(aValidProfessionalClaim());
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value).toBeInstanceOf(ClaimSubmission);
      expect(result.value.billingProvider).toBeInstanceOf(ProviderRef);
      expect(result.value.lines?.[0]).toBeInstanceOf(ClaimLine);
      expect(result.value.diagnoses?.[0]).toBeInstanceOf(Diagnosis);
      expect(
        validate(aValidPharmacyClaim()).ok &&
          (validate(aValidPharmacyClaim()) as { value: ClaimSubmission }).value.drug,
      ).toBeInstanceOf(DrugFill);
    });

    it('carries no hidden state into JSON', () => {
      const result = validate(aValidProfessionalClaim());
      expect(result.ok && JSON.parse(JSON.stringify(result.value))).toEqual(aValidProfessionalClaim());
    });
  });

  describe('each broken field is named', () => {
    it.each<[string, Plain, string[]]>([
      // claim-level fields
      [
        'claimId with a leading dash',
        aValidProfessionalClaim({ claimId: '-CLM' }) as unknown as Plain,
        ['claimId'],
      ],
      [
        'claimId of 51 characters',
        aValidProfessionalClaim({ claimId: 'C'.repeat(51) }) as unknown as Plain,
        ['claimId'],
      ],
      ['version 0', aValidProfessionalClaim({ version: 0 }) as unknown as Plain, ['version']],
      ['version 1.5', aValidProfessionalClaim({ version: 1.5 }) as unknown as Plain, ['version']],
      ['version 10000', aValidProfessionalClaim({ version: 10000 }) as unknown as Plain, ['version']],
      ['unknown frequency', { ...aValidProfessionalClaim(), frequency: 'corrected' }, ['frequency']],
      [
        'unknown adjudication status',
        { ...aValidProfessionalClaim(), adjudicationStatus: 'approved' },
        ['adjudicationStatus'],
      ],
      [
        'memberId with a space',
        aValidProfessionalClaim({ memberId: 'M 1' }) as unknown as Plain,
        ['memberId'],
      ],
      [
        'missing billingProvider',
        aValidProfessionalClaim({ billingProvider: undefined }) as unknown as Plain,
        ['billingProvider'],
      ],
      [
        'billingProvider as a string',
        { ...aValidProfessionalClaim(), billingProvider: '1245319599' },
        ['billingProvider'],
      ],
      [
        'NPI with a wrong check digit',
        edited(aValidProfessionalClaim(), (c) => {
          (c['billingProvider'] as Plain)['npi'] = '1245319590';
        }),
        ['billingProvider.npi'],
      ],
      [
        'billing TIN missing',
        edited(aValidProfessionalClaim(), (c) => {
          delete (c['billingProvider'] as Plain)['tin'];
        }),
        ['billingProvider.tin'],
      ],
      [
        'billing TIN with a dash',
        edited(aValidProfessionalClaim(), (c) => {
          (c['billingProvider'] as Plain)['tin'] = '12-3456789';
        }),
        ['billingProvider.tin'],
      ],
      [
        'rendering provider null',
        { ...aValidProfessionalClaim(), renderingProvider: null },
        ['renderingProvider'],
      ],
      [
        'rendering NPI invalid',
        edited(aValidProfessionalClaim(), (c) => {
          (c['renderingProvider'] as Plain)['npi'] = '1234567890';
        }),
        ['renderingProvider.npi'],
      ],
      [
        'serviceDateFrom not a real date',
        aValidPharmacyClaim({ serviceDateFrom: '2025-02-30' }) as unknown as Plain,
        ['serviceDateFrom'],
      ],
      [
        'serviceDateTo before serviceDateFrom',
        aValidProfessionalClaim({ serviceDateTo: '2025-01-14' }) as unknown as Plain,
        ['lines[0].serviceDate', 'lines[1].serviceDate', 'serviceDateTo'],
      ],
      [
        'serviceDateTo in the future',
        aValidProfessionalClaim({ serviceDateTo: tomorrow }) as unknown as Plain,
        ['serviceDateTo'],
      ],
      [
        'totalChargedAmount negative',
        aValidProfessionalClaim({ totalChargedAmount: -1 }) as unknown as Plain,
        ['totalChargedAmount'],
      ],
      [
        'totalPaidAmount with 3 decimals',
        aValidProfessionalClaim({ totalPaidAmount: 1.005 }) as unknown as Plain,
        ['totalPaidAmount'],
      ],
      [
        'unknown claimType (no claim-type cascade)',
        { ...aValidProfessionalClaim(), claimType: 'dental' },
        ['claimType'],
      ],
      // professional rules
      [
        'professional without placeOfService',
        aValidProfessionalClaim({ placeOfService: undefined }) as unknown as Plain,
        ['placeOfService'],
      ],
      [
        'placeOfService 00',
        aValidProfessionalClaim({ placeOfService: '00' }) as unknown as Plain,
        ['placeOfService'],
      ],
      [
        'professional line without procedureCode',
        edited(aValidProfessionalClaim(), (c) => {
          delete c.lines[1]['procedureCode'];
        }),
        ['lines[1].procedureCode'],
      ],
      [
        'professional line with revenueCode only',
        edited(aValidProfessionalClaim(), (c) => {
          delete c.lines[0]['procedureCode'];
          c.lines[0]['revenueCode'] = '0450';
        }),
        ['lines[0].procedureCode', 'lines[0].revenueCode'],
      ],
      [
        'professional without lines',
        aValidProfessionalClaim({ lines: undefined }) as unknown as Plain,
        ['lines'],
      ],
      [
        'professional with empty lines',
        aValidProfessionalClaim({ lines: [] }) as unknown as Plain,
        ['lines'],
      ],
      [
        'professional without diagnoses',
        aValidProfessionalClaim({ diagnoses: [] }) as unknown as Plain,
        ['diagnoses'],
      ],
      [
        '26 diagnoses',
        aValidProfessionalClaim({
          diagnoses: Array.from({ length: 26 }, (_, i) => ({ code: `Z${String(i).padStart(2, '0')}` })),
        }) as unknown as Plain,
        ['diagnoses'],
      ],
      [
        'a line drug NDC that is not one',
        edited(aValidProfessionalClaim(), (c) => {
          Object.assign(c.lines[0], { ndc: '0009-1048-01', drugQuantity: 1, drugUnit: 'UN' });
        }),
        ['lines[0].ndc'],
      ],
      [
        'a line drug NDC without its quantity and unit',
        edited(aValidProfessionalClaim(), (c) => {
          c.lines[0]['ndc'] = '00093104801';
        }),
        ['lines[0].drugQuantity', 'lines[0].drugUnit'],
      ],
      [
        'a line drug quantity and unit without an NDC, the unit unknown',
        edited(aValidProfessionalClaim(), (c) => {
          Object.assign(c.lines[1], { drugQuantity: 0, drugUnit: 'LB' });
        }),
        ['lines[1].drugQuantity', 'lines[1].drugUnit'],
      ],
      [
        'professional with a drug',
        aValidProfessionalClaim({
          drug: { ...aValidPharmacyClaim().drug!, fillDate: '2025-01-15' },
        }) as unknown as Plain,
        ['drug'],
      ],
      [
        'duplicate diagnosis code (after normalization)',
        edited(aValidProfessionalClaim(), (c) => {
          c.diagnoses.push({ code: 'e119' });
        }),
        ['diagnoses[2].code'],
      ],
      [
        'invalid diagnosis code',
        edited(aValidProfessionalClaim(), (c) => {
          c.diagnoses[1]['code'] = 'E11.';
        }),
        ['diagnoses[1].code'],
      ],
      [
        'duplicate lineNumber',
        edited(aValidProfessionalClaim(), (c) => {
          c.lines[1]['lineNumber'] = 1;
        }),
        ['lines[1].lineNumber'],
      ],
      [
        'lineNumber 1000',
        edited(aValidProfessionalClaim(), (c) => {
          c.lines[1]['lineNumber'] = 1000;
        }),
        ['lines[1].lineNumber'],
      ],
      [
        'line serviceDate before the claim',
        edited(aValidInstitutionalClaim(), (c) => {
          c.lines[0]['serviceDate'] = '2025-02-02';
        }),
        ['lines[0].serviceDate'],
      ],
      [
        'line serviceDate after the claim',
        edited(aValidInstitutionalClaim(), (c) => {
          c.lines[1]['serviceDate'] = '2025-02-05';
        }),
        ['lines[1].serviceDate'],
      ],
      [
        'five modifiers',
        edited(aValidProfessionalClaim(), (c) => {
          c.lines[0]['modifiers'] = ['25', '59', 'LT', 'RT', 'XS'];
        }),
        ['lines[0].modifiers'],
      ],
      [
        'a three-character modifier',
        edited(aValidProfessionalClaim(), (c) => {
          c.lines[0]['modifiers'] = ['255'];
        }),
        ['lines[0].modifiers'],
      ],
      [
        'units 0',
        edited(aValidProfessionalClaim(), (c) => {
          c.lines[0]['units'] = 0;
        }),
        ['lines[0].units'],
      ],
      [
        'units 10000',
        edited(aValidProfessionalClaim(), (c) => {
          c.lines[0]['units'] = 10000;
        }),
        ['lines[0].units'],
      ],
      [
        'chargedAmount with 3 decimals',
        edited(aValidProfessionalClaim(), (c) => {
          c.lines[0]['chargedAmount'] = 1.234;
        }),
        ['lines[0].chargedAmount'],
      ],
      [
        'paidAmount negative',
        edited(aValidProfessionalClaim(), (c) => {
          c.lines[0]['paidAmount'] = -5;
        }),
        ['lines[0].paidAmount'],
      ],
      [
        'bad LOINC code',
        edited(aValidProfessionalClaim(), (c) => {
          (c.lines[1]['labResult'] as Plain)['loincCode'] = '4548';
        }),
        ['lines[1].labResult.loincCode'],
      ],
      [
        'lab value as a string',
        edited(aValidProfessionalClaim(), (c) => {
          (c.lines[1]['labResult'] as Plain)['value'] = '7.2';
        }),
        ['lines[1].labResult.value'],
      ],
      [
        'a line that is not an object',
        edited(aValidProfessionalClaim(), (c) => {
          (c.lines as unknown[])[1] = 'line';
        }),
        ['lines', 'lines[1]'],
      ],
      // institutional rules
      [
        'institutional without typeOfBill',
        aValidInstitutionalClaim({ typeOfBill: undefined }) as unknown as Plain,
        ['typeOfBill'],
      ],
      [
        'typeOfBill not starting with 0',
        aValidInstitutionalClaim({ typeOfBill: '1131' }) as unknown as Plain,
        ['typeOfBill'],
      ],
      [
        'institutional line with neither code',
        edited(aValidInstitutionalClaim(), (c) => {
          delete c.lines[0]['revenueCode'];
        }),
        ['lines[0].procedureCode'],
      ],
      [
        'institutional with a drug',
        aValidInstitutionalClaim({ drug: aValidPharmacyClaim().drug }) as unknown as Plain,
        ['drug', 'drug.fillDate'],
      ],
      [
        'institutional without diagnoses',
        aValidInstitutionalClaim({ diagnoses: undefined }) as unknown as Plain,
        ['diagnoses'],
      ],
      // pharmacy rules
      ['pharmacy without drug', aValidPharmacyClaim({ drug: undefined }) as unknown as Plain, ['drug']],
      [
        'pharmacy with lines',
        aValidPharmacyClaim({
          lines: aValidProfessionalClaim({}).lines!.map((l) => ({ ...l, serviceDate: '2025-03-10' })),
        }) as unknown as Plain,
        ['lines'],
      ],
      [
        'fillDate not the serviceDateFrom',
        edited(aValidPharmacyClaim(), (c) => {
          c.drug['fillDate'] = '2025-03-09';
        }),
        ['drug.fillDate'],
      ],
      [
        'NDC in 4-4-2 form',
        edited(aValidPharmacyClaim(), (c) => {
          c.drug['ndc'] = '0093-1048-01';
        }),
        ['drug.ndc'],
      ],
      [
        'daysSupply 366',
        edited(aValidPharmacyClaim(), (c) => {
          c.drug['daysSupply'] = 366;
        }),
        ['drug.daysSupply'],
      ],
      [
        'quantity 0',
        edited(aValidPharmacyClaim(), (c) => {
          c.drug['quantity'] = 0;
        }),
        ['drug.quantity'],
      ],
      [
        'prescriberNpi invalid',
        edited(aValidPharmacyClaim(), (c) => {
          c.drug['prescriberNpi'] = '1999999999';
        }),
        ['drug.prescriberNpi'],
      ],
      [
        'refillNumber 100',
        edited(aValidPharmacyClaim(), (c) => {
          c.drug['refillNumber'] = 100;
        }),
        ['drug.refillNumber'],
      ],
      [
        '26 diagnoses on a pharmacy claim',
        aValidPharmacyClaim({
          diagnoses: Array.from({ length: 26 }, (_, i) => ({ code: `Z${String(i).padStart(2, '0')}` })),
        }) as unknown as Plain,
        ['diagnoses'],
      ],
    ])('%s', (_name, claim, fields) => {
      expect(failingFields(claim)).toEqual([...fields].sort());
    });
  });

  it.each<[string, unknown]>([
    ['an empty array', []],
    ['an array holding a diagnosis', [{ code: 'E11.9' }]],
    ['null', null],
    ['a string', 'E11.9'],
  ])(
    'rejects %s in place of a diagnosis or a line (an array passed as an empty object and crashed intake)',
    (_label, item) => {
      const claim = aValidInstitutionalClaim();
      expect(failingFields({ ...claim, diagnoses: [item, ...(claim.diagnoses ?? [])] })).toContain(
        'diagnoses',
      );
      expect(failingFields({ ...claim, lines: [...(claim.lines ?? []), item] })).toContain('lines');
    },
  );

  it('names every broken field at once', () => {
    const claim = edited(aValidProfessionalClaim(), (c) => {
      delete c['placeOfService'];
      c['serviceDateTo'] = '2025-01-14';
      c['drug'] = { ...aValidPharmacyClaim().drug, fillDate: '2025-01-15' };
      (c['billingProvider'] as Plain)['npi'] = '1245319590';
      c.lines[0]['serviceDate'] = '2025-01-14';
      c.lines.push({ lineNumber: 3, units: 1, chargedAmount: 10 });
      c.diagnoses.push({ code: 'I10' });
      c['totalChargedAmount'] = 1.001;
    });
    expect(failingFields(claim)).toEqual(
      [
        'placeOfService',
        'serviceDateTo',
        'drug',
        'billingProvider.npi',
        'lines[0].serviceDate',
        'lines[1].serviceDate',
        'lines[2].procedureCode',
        'diagnoses[2].code',
        'totalChargedAmount',
      ].sort(),
    );
  });

  it('explains each rule in the message, naming the full path', () => {
    const claim = edited(aValidProfessionalClaim(), (c) => {
      delete c['placeOfService'];
      delete c.lines[1]['procedureCode'];
      c['drug'] = { ...aValidPharmacyClaim().drug, fillDate: '2025-01-15' };
    });
    const result = validate(claim);
    expect(result.ok).toBe(false);
    const messages = result.ok ? {} : Object.fromEntries(result.issues.map((i) => [i.field, i.messages]));
    expect(messages).toEqual({
      placeOfService: expect.arrayContaining(['placeOfService is required when claimType is professional']),
      'lines[1].procedureCode': expect.arrayContaining([
        'lines[1].procedureCode is required when the claim is professional or the line has no revenueCode',
      ]),
      drug: ['drug must be absent when claimType is professional or institutional'],
    });
  });

  it('never echoes rejected values in messages', () => {
    const secret = 'SECRET-9';
    const claim = edited(aValidProfessionalClaim(), (c) => {
      c['claimId'] = `-${secret}`;
      c['memberId'] = `${secret} X`;
      c['serviceDateFrom'] = `${secret}-01`;
      (c['billingProvider'] as Plain)['name'] = 7;
      (c['billingProvider'] as Plain)['npi'] = secret;
      c.diagnoses[0]['code'] = secret;
      c.lines[0]['procedureCode'] = secret;
      c.lines[0]['modifiers'] = [secret];
    });
    const result = validate(claim);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('SECRET');
  });

  it('rejects unknown fields on HTTP and strips them on Kafka', () => {
    const claim = edited(aValidProfessionalClaim(), (c) => {
      c['priority'] = 'high';
      c.lines[0]['note'] = 'x';
    });
    expect(failingFields(claim)).toEqual(['lines[0].note', 'priority']);
    const kafka = validate(claim, false);
    expect(kafka.ok).toBe(true);
    expect(kafka.ok && JSON.parse(JSON.stringify(kafka.value))).toEqual(aValidProfessionalClaim());
  });
});
