import type { GapRule } from '@care/clinical';

const words = (id: string): string => id.replaceAll('-', ' ');

/**
 * What closes a gap of this rule, in a coach's words, from the rule itself: each group of closing services must be
 * met by one of its services (`eGFR, and uACR lab or uACR CPT pair`); a control rule by a result at or under its
 * threshold; an adherence rule by fills covering the required share of days; a refill rule by the next fill.
 */
export function describeGapClosing(rule: GapRule): string {
  const parts: string[] = [];
  if (rule.closing !== undefined && rule.closing.length > 0)
    parts.push(
      rule.closing.map((group) => group.map((service) => words(service.id)).join(' or ')).join(', and '),
    );
  if (rule.control !== undefined) parts.push(`a result of ${String(rule.control.openAbove)} or under`);
  if (rule.adherence !== undefined)
    parts.push(
      `${rule.adherence.drugClasses.map(words).join(' or ')} fills covering ${String(
        Math.round(rule.adherence.minProportionOfDaysCovered * 100),
      )}% of days`,
    );
  if (rule.refill !== undefined)
    parts.push(`the next ${rule.refill.drugClasses.map(words).join(' or ')} fill`);
  return parts.join('; ');
}

/** The gap rules as the member view names them. */
export interface GapRuleSummary {
  readonly ruleId: string;
  readonly version: string;
  readonly name: string;
  readonly closedBy: string;
}

export const gapRuleSummaries = (rules: readonly GapRule[]): GapRuleSummary[] =>
  rules.map((rule) => ({
    ruleId: rule.id,
    version: rule.version,
    name: rule.name,
    closedBy: describeGapClosing(rule),
  }));
