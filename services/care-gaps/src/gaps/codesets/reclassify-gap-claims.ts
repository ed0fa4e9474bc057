import {
  drugClassInRelease,
  rulesConcerningGapClaim,
  type CodeSetRelease,
  type DrugClass,
  type GapRule,
} from '@care/clinical';
import { reclassifyClaimRows, type ClassifiedClaimRow } from '@care/persistence';
import type { DataSource } from 'typeorm';

interface Row extends ClassifiedClaimRow {
  readonly procedure_codes: string[];
  readonly diagnosis_codes: string[];
  readonly labs: Array<{ loincCode: string; value?: number }>;
  readonly revenue_codes: string[];
  readonly type_of_bill: string | null;
}

/**
 * Re-derives the drug class (from the stored NDC) and the concerned gap rules of every stored claim under a new code
 * set release (@care/persistence reclassifyClaimRows: pages in key order, only the two derived columns, only while
 * the row keeps the version read); returns the rows changed. Codes of claims no rule concerned on arrival were not
 * kept, so a value set that adds codes reaches them only through new claims.
 */
export function reclassifyGapClaims(
  dataSource: DataSource,
  rules: readonly GapRule[],
  codeSets: CodeSetRelease,
  pageSize: number,
): Promise<number> {
  return reclassifyClaimRows<Row>(
    dataSource,
    {
      table: 'gap_claims',
      columns: ['procedure_codes', 'diagnosis_codes', 'labs', 'revenue_codes', 'type_of_bill'],
    },
    pageSize,
    {
      drugClassOf: (ndc) => drugClassInRelease(codeSets, ndc),
      rulesOf: (row, drugClass) =>
        rulesConcerningGapClaim(rules, {
          procedureCodes: row.procedure_codes,
          diagnosisCodes: row.diagnosis_codes,
          labs: row.labs,
          revenueCodes: row.revenue_codes,
          ...(row.type_of_bill === null ? {} : { typeOfBill: row.type_of_bill }),
          ...(drugClass === null ? {} : { drugClass: drugClass as DrugClass }),
        }),
    },
  );
}
