import {
  drugClassInRelease,
  rulesConcerningClaim,
  type ClaimSetting,
  type CodeSetRelease,
  type ConditionRule,
  type DrugClass,
} from '@care/clinical';
import { reclassifyClaimRows, type ClassifiedClaimRow } from '@care/persistence';
import type { DataSource } from 'typeorm';

interface Row extends ClassifiedClaimRow {
  readonly setting: string;
  readonly diagnosis_codes: string[];
}

/**
 * Re-derives the drug class (from the stored NDC) and the concerned rules of every stored claim under a new code
 * set release (@care/persistence reclassifyClaimRows: pages in key order, only the two derived columns, only while
 * the row keeps the version read, so a claim version the consumer stored meanwhile is never overwritten); returns the
 * rows changed. What it cannot do: classify fills stored before NDCs were kept, or find diagnoses of claims no rule
 * concerned when they arrived (their codes were not kept).
 */
export function reclassifyStoredClaims(
  dataSource: DataSource,
  rules: readonly ConditionRule[],
  codeSets: CodeSetRelease,
  pageSize: number,
): Promise<number> {
  return reclassifyClaimRows<Row>(
    dataSource,
    { table: 'claim_evidence', columns: ['setting', 'diagnosis_codes'] },
    pageSize,
    {
      drugClassOf: (ndc) => drugClassInRelease(codeSets, ndc),
      rulesOf: (row, drugClass) =>
        rulesConcerningClaim(rules, {
          setting: row.setting as ClaimSetting,
          diagnosisCodes: row.diagnosis_codes,
          ...(drugClass === null ? {} : { drugClass: drugClass as DrugClass }),
        }),
    },
  );
}
