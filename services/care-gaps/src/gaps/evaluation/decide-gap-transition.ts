import type { GapEvaluation } from '@care/clinical';
import type { GapCloseReason } from '@care/contracts';

/** What led to an evaluation. */
export type GapTrigger = 'claim' | 'member' | 'condition' | 'enrollment' | 'review';

export type GapTransition =
  | { readonly action: 'open' }
  | { readonly action: 'close'; readonly reason: GapCloseReason }
  | { readonly action: 'none' };

/**
 * The state machine of one member and gap rule: no open gap → open (a new occurrence), open → closed (satisfied by a
 * claim, no longer eligible, or excluded), otherwise nothing. Pure.
 */
export function decideGapTransition(hasOpenGap: boolean, evaluation: GapEvaluation): GapTransition {
  if (evaluation.open) return hasOpenGap ? { action: 'none' } : { action: 'open' };
  if (!hasOpenGap) return { action: 'none' };
  if (evaluation.excluded) return { action: 'close', reason: 'excluded' };
  if (!evaluation.eligible) return { action: 'close', reason: 'no-longer-eligible' };
  return { action: 'close', reason: 'satisfied' };
}
