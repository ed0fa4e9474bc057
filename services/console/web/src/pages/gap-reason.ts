/**
 * Why a gap is open, and why it closed, in a coach's words, from the codes care-gaps decides with (GAP_OPEN_REASONS
 * and GAP_CLOSE_REASONS in libs/contracts; libs/clinical evaluate-gap.rule.ts). A code this page does not know yet is
 * shown as it is.
 */
const OPEN_REASONS: Record<string, string> = {
  'no-service': 'recommended care not received',
  'no-result': 'no result on file',
  'poor-control': 'latest result out of control',
  'below-threshold': 'too few days covered by fills',
  'refill-late': 'refill overdue',
};

const CLOSE_REASONS: Record<string, string> = {
  satisfied: 'care received',
  'no-longer-eligible': 'no longer eligible',
  excluded: 'exclusion applies',
  'rule-changed': 'the rule no longer opens it',
};

export const gapOpenReason = (code: string): string => OPEN_REASONS[code] ?? code;

export const gapCloseReason = (code: string): string => CLOSE_REASONS[code] ?? code;
