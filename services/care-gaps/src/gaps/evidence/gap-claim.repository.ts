import type { DrugClass } from '@care/clinical';
import { lockKeys } from '@care/persistence';
import type { EntityManager } from 'typeorm';
import type { StoredGapClaim } from './gap-claim.mapper';

/** First key of the advisory locks that serialise gap evaluations of one member (second key: hash of the id). */
const MEMBER_LOCK_SPACE = 0x0ca9;

/** Takes each member's transaction lock (consumers and the daily review alike). */
export const lockGapMembers = (manager: EntityManager, memberIds: readonly string[]): Promise<void> =>
  lockKeys(manager, MEMBER_LOCK_SPACE, memberIds);

interface GapClaimRow {
  claim_id: string;
  member_id: string;
  version: number;
  voided: boolean;
  service_date: string;
  procedure_codes: string[];
  diagnosis_codes: string[];
  labs: Array<{ loincCode: string; value?: number }>;
  revenue_codes: string[];
  type_of_bill: string | null;
  drug_class: string | null;
  days_supply: number | null;
  prescriber_npi: string | null;
  ndc: string | null;
  rule_ids: string[];
}

const COLUMNS = `claim_id, member_id, version, voided, service_date::text AS service_date, procedure_codes,
  diagnosis_codes, labs, revenue_codes, type_of_bill, drug_class, days_supply, prescriber_npi, ndc, rule_ids`;

const claimOf = (row: GapClaimRow): StoredGapClaim => ({
  claimId: row.claim_id,
  memberId: row.member_id,
  version: row.version,
  voided: row.voided,
  serviceDate: row.service_date,
  procedureCodes: row.procedure_codes,
  diagnosisCodes: row.diagnosis_codes,
  labs: row.labs,
  revenueCodes: row.revenue_codes,
  ...(row.type_of_bill === null ? {} : { typeOfBill: row.type_of_bill }),
  ...(row.drug_class === null ? {} : { drugClass: row.drug_class as DrugClass }),
  ...(row.days_supply === null ? {} : { daysSupply: row.days_supply }),
  ...(row.prescriber_npi === null ? {} : { prescriberNpi: row.prescriber_npi }),
  ndc: row.ndc,
  ruleIds: row.rule_ids,
});

export async function findGapClaims(
  manager: EntityManager,
  claimIds: readonly string[],
): Promise<Map<string, StoredGapClaim>> {
  if (claimIds.length === 0) return new Map();
  const rows = await manager.query<GapClaimRow[]>(
    `SELECT ${COLUMNS} FROM gap_claims WHERE claim_id = ANY($1::text[])`,
    [[...new Set(claimIds)]],
  );
  return new Map(rows.map((row) => [row.claim_id, claimOf(row)]));
}

export async function saveGapClaims(
  manager: EntityManager,
  claims: readonly StoredGapClaim[],
): Promise<void> {
  if (claims.length === 0) return;
  await manager.query(
    `INSERT INTO gap_claims (claim_id, member_id, version, voided, service_date, procedure_codes, diagnosis_codes, labs,
                             revenue_codes, type_of_bill, drug_class, days_supply, prescriber_npi, ndc, rule_ids)
     SELECT r.claim_id, r.member_id, r.version, r.voided, r.service_date, r.procedure_codes, r.diagnosis_codes, r.labs,
            r.revenue_codes, r.type_of_bill, r.drug_class, r.days_supply, r.prescriber_npi, r.ndc, r.rule_ids
       FROM jsonb_to_recordset($1::jsonb) AS r(claim_id text, member_id text, version int, voided boolean,
            service_date date, procedure_codes text[], diagnosis_codes text[], labs jsonb, revenue_codes text[],
            type_of_bill text, drug_class text, days_supply int, prescriber_npi text, ndc text, rule_ids text[])
     ON CONFLICT (claim_id) DO UPDATE SET
       member_id = EXCLUDED.member_id, version = EXCLUDED.version, voided = EXCLUDED.voided,
       service_date = EXCLUDED.service_date, procedure_codes = EXCLUDED.procedure_codes,
       diagnosis_codes = EXCLUDED.diagnosis_codes, labs = EXCLUDED.labs, revenue_codes = EXCLUDED.revenue_codes,
       type_of_bill = EXCLUDED.type_of_bill, drug_class = EXCLUDED.drug_class,
       days_supply = EXCLUDED.days_supply, prescriber_npi = EXCLUDED.prescriber_npi, ndc = EXCLUDED.ndc,
       rule_ids = EXCLUDED.rule_ids`,
    [
      JSON.stringify(
        claims.map((claim) => ({
          claim_id: claim.claimId,
          member_id: claim.memberId,
          version: claim.version,
          voided: claim.voided,
          service_date: claim.serviceDate,
          procedure_codes: claim.procedureCodes,
          diagnosis_codes: claim.diagnosisCodes,
          labs: claim.labs,
          revenue_codes: claim.revenueCodes ?? [],
          type_of_bill: claim.typeOfBill ?? null,
          drug_class: claim.drugClass ?? null,
          days_supply: claim.daysSupply ?? null,
          prescriber_npi: claim.prescriberNpi ?? null,
          ndc: claim.ndc,
          rule_ids: claim.ruleIds,
        })),
      ),
    ],
  );
}

/**
 * Active claims that concern some gap rule, per member: everything since `recentSince` (measurement year and
 * medication windows), and older claims back to `longSince` only when they concern one of `longRuleIds` (the
 * screening rules with multi-year look-backs). The cost is bounded by the member's relevant claims in those windows.
 */
export async function loadGapClaims(
  manager: EntityManager,
  memberIds: readonly string[],
  window: {
    readonly recentSince: string;
    readonly longSince: string;
    readonly longRuleIds: readonly string[];
  },
): Promise<Map<string, StoredGapClaim[]>> {
  const unique = [...new Set(memberIds)];
  const byMember = new Map<string, StoredGapClaim[]>(unique.map((memberId) => [memberId, []]));
  if (unique.length === 0) return byMember;
  const rows = await manager.query<GapClaimRow[]>(
    `SELECT ${COLUMNS} FROM gap_claims
      WHERE member_id = ANY($1::text[]) AND rule_ids <> '{}' AND NOT voided
        AND (service_date >= $2::date OR (service_date >= $3::date AND rule_ids && $4::text[]))`,
    [unique, window.recentSince, window.longSince, window.longRuleIds],
  );
  for (const row of rows) byMember.get(row.member_id)?.push(claimOf(row));
  return byMember;
}

/** Deletes claims no window can reach any more (see {@link loadGapClaims}), at most `limit`; returns how many went. */
export async function pruneGapClaims(
  manager: EntityManager,
  window: {
    readonly recentSince: string;
    readonly longSince: string;
    readonly longRuleIds: readonly string[];
  },
  limit: number,
): Promise<number> {
  const rows = await manager.query<unknown[]>(
    `DELETE FROM gap_claims WHERE claim_id IN (
       SELECT claim_id FROM gap_claims
        WHERE service_date < $1::date AND (service_date < $2::date OR NOT (rule_ids && $3::text[]))
        LIMIT $4)
     RETURNING 1`,
    [window.recentSince, window.longSince, window.longRuleIds, limit],
  );
  return rows.length;
}
