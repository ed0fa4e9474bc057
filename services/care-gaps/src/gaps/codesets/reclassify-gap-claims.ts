import {
  drugClassInRelease,
  rulesConcerningGapClaim,
  type CodeSetRelease,
  type DrugClass,
  type GapRule,
} from '@care/clinical';
import type { DataSource } from 'typeorm';

interface Row {
  claim_id: string;
  version: number;
  procedure_codes: string[];
  diagnosis_codes: string[];
  labs: Array<{ loincCode: string; value?: number }>;
  revenue_codes: string[];
  type_of_bill: string | null;
  drug_class: string | null;
  ndc: string | null;
  rule_ids: string[];
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((item) => b.includes(item));

/**
 * Re-derives the drug class (from the stored NDC) and the concerned gap rules of every stored claim under a new code
 * set release, in pages of `pageSize` claims in key order; returns the rows changed. Only those two columns are
 * written, and only while the row still has the version read (a version the consumer stored meanwhile was classified
 * with the same release). Codes of claims no rule concerned on arrival were not kept, so a value set that adds codes
 * reaches them only through new claims.
 */
export async function reclassifyGapClaims(
  dataSource: DataSource,
  rules: readonly GapRule[],
  codeSets: CodeSetRelease,
  pageSize: number,
): Promise<number> {
  let cursor = '';
  let changed = 0;
  for (;;) {
    const rows = await dataSource.query<Row[]>(
      `SELECT claim_id, version, procedure_codes, diagnosis_codes, labs, revenue_codes, type_of_bill, drug_class, ndc,
              rule_ids FROM gap_claims
        WHERE claim_id > $1 AND NOT voided AND (ndc IS NOT NULL OR rule_ids <> '{}')
        ORDER BY claim_id LIMIT $2`,
      [cursor, pageSize],
    );
    const updates = rows.flatMap((row) => {
      const drugClass =
        row.ndc === null ? (row.drug_class as DrugClass | null) : drugClassInRelease(codeSets, row.ndc);
      const ruleIds = rulesConcerningGapClaim(rules, {
        procedureCodes: row.procedure_codes,
        diagnosisCodes: row.diagnosis_codes,
        labs: row.labs,
        revenueCodes: row.revenue_codes,
        ...(row.type_of_bill === null ? {} : { typeOfBill: row.type_of_bill }),
        ...(drugClass === null ? {} : { drugClass }),
      });
      return drugClass === row.drug_class && sameSet(ruleIds, row.rule_ids)
        ? []
        : [{ claim_id: row.claim_id, version: row.version, drug_class: drugClass, rule_ids: ruleIds }];
    });
    if (updates.length > 0) {
      await dataSource.query(
        `UPDATE gap_claims AS c SET drug_class = r.drug_class, rule_ids = r.rule_ids
           FROM jsonb_to_recordset($1::jsonb) AS r(claim_id text, version int, drug_class text, rule_ids text[])
          WHERE c.claim_id = r.claim_id AND c.version = r.version AND NOT c.voided`,
        [JSON.stringify(updates)],
      );
      changed += updates.length;
    }
    if (rows.length < pageSize) return changed;
    cursor = rows[rows.length - 1]?.claim_id ?? cursor;
  }
}
