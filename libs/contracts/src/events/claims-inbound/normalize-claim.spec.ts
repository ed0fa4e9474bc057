import {
  aValidInstitutionalClaim,
  aValidPharmacyClaim,
  aValidProfessionalClaim,
} from '../../testing/claim-factory';
import { validateSubmission } from '../validate-submission';
import { ClaimLine } from './claim-line.payload';
import { ClaimSubmission } from './claim-submission.payload';
import { normalizeClaim } from './normalize-claim';

function validClaim(plain: unknown): ClaimSubmission {
  const result = validateSubmission(ClaimSubmission, plain, { forbidUnknownFields: true });
  if (!result.ok) throw new Error(`invalid test claim: ${JSON.stringify(result.issues)}`);
  return result.value;
}

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('normalizeClaim', () => {
  it('upper-cases procedure codes and modifiers and removes the ICD-10 dot', () => {
    const base = aValidProfessionalClaim();
    const claim = validClaim({
      ...base,
      diagnoses: [{ code: 'e11.9' }, { code: 's72.001a' }, { code: 'I10' }],
      lines: [
        { ...base.lines![0], procedureCode: 'g0439', modifiers: ['lt', '25'] },
        { ...base.lines![1], procedureCode: '3044f' },
      ],
    });
    const normalized = normalizeClaim(claim);
    expect(normalized.diagnoses?.map((d) => d.code)).toEqual(['E119', 'S72001A', 'I10']);
    expect(normalized.lines?.map((l) => l.procedureCode)).toEqual(['G0439', '3044F']);
    expect(normalized.lines?.[0]?.modifiers).toEqual(['LT', '25']);
  });

  it('writes the NDC of a drug given on a line as 11 digits', () => {
    const claim = aValidProfessionalClaim();
    const lines = (claim.lines ?? []).map((line, index) =>
      index === 0 ? { ...line, ndc: '00093-1048-01', drugQuantity: 1, drugUnit: 'UN' as const } : line,
    );
    expect(normalizeClaim({ ...claim, lines }).lines?.[0]).toMatchObject({
      ndc: '00093104801',
      drugUnit: 'UN',
    });
  });

  it('upper-cases the type of bill', () => {
    expect(normalizeClaim(validClaim(aValidInstitutionalClaim({ typeOfBill: '013a' }))).typeOfBill).toBe(
      '013A',
    );
  });

  it.each([
    ['00093-1048-01', '00093104801'],
    ['00093104801', '00093104801'],
  ])('turns NDC %s into %s', (ndc, expected) => {
    const base = aValidPharmacyClaim();
    expect(normalizeClaim(validClaim({ ...base, drug: { ...base.drug!, ndc } })).drug?.ndc).toBe(expected);
  });

  it('is pure: the input is unchanged and the output shares no objects with it', () => {
    const claim = validClaim(aValidProfessionalClaim({ diagnoses: [{ code: 'e11.9' }] }));
    const before = asJson(claim);
    const normalized = normalizeClaim(claim);
    expect(asJson(claim)).toEqual(before);
    expect(normalized).not.toBe(claim);
    expect(normalized.billingProvider).not.toBe(claim.billingProvider);
    expect(normalized.lines?.[0]).not.toBe(claim.lines?.[0]);
    expect(normalized).toBeInstanceOf(ClaimSubmission);
    expect(normalized.lines?.[0]).toBeInstanceOf(ClaimLine);
  });

  it('keeps everything else, and absent fields absent', () => {
    const claim = validClaim(aValidPharmacyClaim());
    const normalized = asJson(normalizeClaim(claim)) as Record<string, unknown>;
    expect(normalized).toEqual({
      ...aValidPharmacyClaim(),
      drug: { ...aValidPharmacyClaim().drug, ndc: '00093104801' },
    });
    expect(Object.keys(normalized)).not.toContain('lines');
    expect(Object.keys(normalized)).not.toContain('typeOfBill');
  });

  it('is idempotent and its output is still valid', () => {
    for (const plain of [aValidProfessionalClaim(), aValidInstitutionalClaim(), aValidPharmacyClaim()]) {
      const once = normalizeClaim(validClaim(plain));
      expect(asJson(normalizeClaim(once))).toEqual(asJson(once));
      expect(validateSubmission(ClaimSubmission, asJson(once), { forbidUnknownFields: true }).ok).toBe(true);
    }
  });
});
