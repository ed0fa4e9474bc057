import {
  drugClassInRelease,
  rulesConcerningClaim,
  type ClaimSetting,
  type CodeSetRelease,
  type ConditionRule,
  type DrugClass,
} from '@care/clinical';
import type { DataSource } from 'typeorm';

interface Row {
  claim_id: string;
  version: number;
  setting: string;
  diagnosis_codes: string[];
  drug_class: string | null;
  ndc: string | null;
  rule_ids: string[];
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((item) => b.includes(item));

/**
 * Re-derives the drug class (from the stored NDC) and the concerned rules of every stored claim under a new code
 * set release, in pages of `pageSize` claims in key order, one short transaction each; returns the rows changed.
 * Only the two derived columns are written, and only while the row still has the version read, so a claim version
 * stored meanwhile by the consumer (classified with the same release) is never overwritten. What it cannot do:
 * classify fills stored before NDCs were kept, or find diagnoses of claims no rule concerned when they arrived
 * (their codes were not kept).
 */
export async function reclassifyStoredClaims(
  dataSource: DataSource,
  rules: readonly ConditionRule[],
  codeSets: CodeSetRelease,
  pageSize: number,
): Promise<number> {
  let cursor = '';
  let changed = 0;
  for (;;) {
    const rows = await dataSource.query<Row[]>(
      `SELECT claim_id, version, setting, diagnosis_codes, drug_class, ndc, rule_ids FROM claim_evidence
        WHERE claim_id > $1 AND NOT voided AND (ndc IS NOT NULL OR rule_ids <> '{}')
        ORDER BY claim_id LIMIT $2`,
      [cursor, pageSize],
    );
    const updates = rows.flatMap((row) => {
      const drugClass =
        row.ndc === null ? (row.drug_class as DrugClass | null) : drugClassInRelease(codeSets, row.ndc);
      const ruleIds = rulesConcerningClaim(rules, {
        setting: row.setting as ClaimSetting,
        diagnosisCodes: row.diagnosis_codes,
        ...(drugClass === null ? {} : { drugClass }),
      });
      return drugClass === row.drug_class && sameSet(ruleIds, row.rule_ids)
        ? []
        : [{ claim_id: row.claim_id, version: row.version, drug_class: drugClass, rule_ids: ruleIds }];
    });
    if (updates.length > 0) {
      await dataSource.query(
        `UPDATE claim_evidence AS c SET drug_class = r.drug_class, rule_ids = r.rule_ids
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
