import { GAP_RULES } from '@care/clinical';
import { aValidInstitutionalClaim, aValidProfessionalClaim, type ClaimSubmission } from '@care/contracts';
import { gapClaimOf } from './gap-claim.mapper';

const EVERY_RULE = GAP_RULES.map((rule) => rule.id).sort();

/** An institutional claim on 3 March 2026 with the given type of bill and revenue codes (one line each, no HCPCS). */
const institutional = (typeOfBill: string, ...revenueCodes: string[]): ClaimSubmission =>
  aValidInstitutionalClaim({
    claimId: 'CLM-HOSPICE-1',
    typeOfBill,
    serviceDateFrom: '2026-03-03',
    serviceDateTo: '2026-03-03',
    diagnoses: [{ code: 'C349' }],
    lines: revenueCodes.map((revenueCode, index) => ({
      lineNumber: index + 1,
      revenueCode,
      serviceDate: '2026-03-03',
      units: 1,
      chargedAmount: 100,
    })),
  });

// Issue 21 (gaps-2026.3): the gap evidence keeps the revenue codes and the type of bill, so an institutional hospice
// claim with neither a hospice HCPCS nor a Z51.5 concerns every rule (each takes hospice in the measurement year).
describe('gapClaimOf: institutional hospice evidence', () => {
  it.each([
    ['hospice services 0651 on a hospice bill 0811', '0811', ['0651'], EVERY_RULE],
    ['hospice room and board 0115 on an inpatient bill 0111', '0111', ['0120', '0115'], EVERY_RULE],
    ['an outpatient line 0450 on a hospital-based hospice bill 0822', '0822', ['0450'], EVERY_RULE],
    ['respite care 0660 on an inpatient bill 0111', '0111', ['0660'], []],
  ])('%s (bill %s, revenue codes %j)', (_name, typeOfBill, revenueCodes, ruleIds) => {
    const stored = gapClaimOf(institutional(typeOfBill, ...revenueCodes), GAP_RULES);
    expect([...stored.ruleIds].sort()).toEqual(ruleIds);
    if (ruleIds.length > 0) {
      expect(stored.revenueCodes).toEqual(revenueCodes);
      expect(stored.typeOfBill).toBe(typeOfBill);
      expect(stored.procedureCodes).toEqual([]);
    } else {
      // a claim no rule concerns keeps only its identity
      expect(stored.revenueCodes).toBeUndefined();
      expect(stored.typeOfBill).toBeUndefined();
    }
  });

  it('keeps each revenue code once, in line order', () => {
    const stored = gapClaimOf(institutional('0811', '0651', '0250', '0651'), GAP_RULES);
    expect(stored.revenueCodes).toEqual(['0651', '0250']);
  });

  it('keeps a denied hospice claim as identity only (a denied service did not happen)', () => {
    const denied = gapClaimOf({ ...institutional('0811', '0651'), adjudicationStatus: 'denied' }, GAP_RULES);
    expect(denied.ruleIds).toEqual([]);
    expect(denied.revenueCodes).toBeUndefined();
  });

  it('gives a professional claim no revenue codes and no type of bill', () => {
    const stored = gapClaimOf(
      aValidProfessionalClaim({
        diagnoses: [{ code: 'Z515' }],
        serviceDateFrom: '2026-03-03',
        serviceDateTo: '2026-03-03',
      }),
      GAP_RULES,
    );
    expect([...stored.ruleIds].sort()).toEqual(EVERY_RULE);
    expect(stored.revenueCodes).toEqual([]);
    expect(stored.typeOfBill).toBeUndefined();
  });
});
