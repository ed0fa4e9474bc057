import type { DataSource } from 'typeorm';

/** A stored claim's row as far as reclassifying it goes: its key, version, NDC and the two columns derived from codes. */
export interface ClassifiedClaimRow {
  readonly claim_id: string;
  readonly version: number;
  readonly ndc: string | null;
  readonly drug_class: string | null;
  readonly rule_ids: string[];
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((item) => b.includes(item));

/**
 * Re-derives the drug class (from the stored NDC, by `drugClassOf`) and the concerned rules (by `rulesOf`) of every
 * stored claim of `table` that has an NDC or concerned a rule, in pages of `pageSize` rows in key order, one short
 * statement each; returns the rows changed. Only `drug_class` and `rule_ids` are written, and only while the row still
 * has the version read, so a claim version a consumer stored meanwhile (classified with the same release) is never
 * overwritten. `columns` are the further columns `rulesOf` reads; `table` and `columns` are the caller's identifiers,
 * never input.
 */
export async function reclassifyClaimRows<Row extends ClassifiedClaimRow>(
  dataSource: DataSource,
  source: {
    readonly table: string;
    readonly columns: ReadonlyArray<Exclude<keyof Row, keyof ClassifiedClaimRow> & string>;
  },
  pageSize: number,
  classify: {
    readonly drugClassOf: (ndc: string) => string | null;
    readonly rulesOf: (row: Row, drugClass: string | null) => string[];
  },
): Promise<number> {
  const columns = ['claim_id', 'version', 'ndc', 'drug_class', 'rule_ids', ...source.columns].join(', ');
  let cursor = '';
  let changed = 0;
  for (;;) {
    const rows = await dataSource.query<Row[]>(
      `SELECT ${columns} FROM ${source.table}
        WHERE claim_id > $1 AND NOT voided AND (ndc IS NOT NULL OR rule_ids <> '{}')
        ORDER BY claim_id LIMIT $2`,
      [cursor, pageSize],
    );
    const updates = rows.flatMap((row) => {
      const drugClass = row.ndc === null ? row.drug_class : classify.drugClassOf(row.ndc);
      const ruleIds = classify.rulesOf(row, drugClass);
      return drugClass === row.drug_class && sameSet(ruleIds, row.rule_ids)
        ? []
        : [{ claim_id: row.claim_id, version: row.version, drug_class: drugClass, rule_ids: ruleIds }];
    });
    if (updates.length > 0) {
      await dataSource.query(
        `UPDATE ${source.table} AS c SET drug_class = r.drug_class, rule_ids = r.rule_ids
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
