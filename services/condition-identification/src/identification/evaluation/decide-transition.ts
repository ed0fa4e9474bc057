import type { ConditionEvaluation } from '@care/clinical';
import type { IdentificationTrigger, RetractionReason } from '@care/contracts';
import type { ConditionState, ConditionStatus } from './condition-state.repository';

/** What one evaluation of one member and condition leads to. */
export interface TransitionDecision {
  readonly action: 'identify' | 'retract' | 'none';
  /** The state to store, or null when the stored state is already right (or none is needed). */
  readonly nextState: ConditionState | null;
  readonly retractionReason?: RetractionReason;
}

export interface TransitionInput {
  readonly memberId: string;
  readonly ruleVersion: string;
  readonly current: ConditionState | undefined;
  readonly evaluation: ConditionEvaluation;
  /** Next day some of the rule's evidence leaves its period (see nextEvidenceExpiry). */
  readonly reviewOn: string | null;
  readonly trigger: IdentificationTrigger;
  /** The evaluation follows a void of one of the member's claims. */
  readonly followsVoid: boolean;
  /** Id for a new identification, used only when the action is `identify`. */
  readonly newIdentificationId: string;
}

/** Why an identification no longer holds, from the evaluation and what triggered it. */
export function retractionReasonOf(
  evaluation: ConditionEvaluation,
  trigger: IdentificationTrigger,
  followsVoid: boolean,
): RetractionReason {
  if (evaluation.excluded) return 'excluded';
  if (trigger === 'reevaluation') return 'evidence-aged-out';
  if (trigger === 'rerun') return 'rule-changed';
  return followsVoid ? 'evidence-voided' : 'evidence-replaced';
}

const sameState = (a: ConditionState | undefined, b: ConditionState): boolean =>
  a !== undefined &&
  a.status === b.status &&
  a.ruleVersion === b.ruleVersion &&
  a.identificationId === b.identificationId &&
  a.reviewOn === b.reviewOn;

/**
 * The state machine of one member and condition: not identified → identified (emit `member-identified` once),
 * identified → not-met or excluded (emit the retraction), and the bookkeeping in between (rule version, the next
 * review day). A member never identified and not excluded needs no stored state at all. Pure.
 */
export function decideTransition(input: TransitionInput): TransitionDecision {
  const { current, evaluation } = input;
  const state = (status: ConditionStatus, identificationId: string | null, reviewOn: string | null): ConditionState => ({
    memberId: input.memberId,
    conditionId: evaluation.ruleId,
    status,
    ruleVersion: input.ruleVersion,
    identificationId,
    reviewOn,
  });
  const keep = (next: ConditionState): TransitionDecision => ({
    action: 'none',
    nextState: sameState(current, next) ? null : next,
  });

  if (evaluation.met) {
    if (current?.status === 'identified') return keep(state('identified', current.identificationId, input.reviewOn));
    return { action: 'identify', nextState: state('identified', input.newIdentificationId, input.reviewOn) };
  }
  const status: ConditionStatus = evaluation.excluded ? 'excluded' : 'not-met';
  const reviewOn = evaluation.excluded ? input.reviewOn : null;
  if (current?.status === 'identified') {
    return {
      action: 'retract',
      nextState: state(status, current.identificationId, reviewOn),
      retractionReason: retractionReasonOf(evaluation, input.trigger, input.followsVoid),
    };
  }
  if (current === undefined && !evaluation.excluded) return { action: 'none', nextState: null };
  return keep(state(status, current?.identificationId ?? null, reviewOn));
}
