import { CASE_TRANSITIONS, type CaseResolution, type CaseStatus, type CaseView } from '../case.model';
import { BILL_SAVER_SERVICE } from './decide-intake';

/** A request to move a case to another status, with the reason recorded in its history. */
export interface CaseTransitionRequest {
  readonly status: CaseStatus;
  readonly reason: string;
  /** Required when resolving. */
  readonly resolution?: CaseResolution;
}

export type CaseTransitionRejection = 'transition-not-allowed' | 'resolution-required' | 'negotiation-missing';

export type CaseTransitionDecision =
  | { readonly kind: 'apply'; readonly to: CaseStatus; readonly resolution: CaseResolution | null; readonly final: boolean }
  | { readonly kind: 'repeat' }
  | { readonly kind: 'reject'; readonly code: CaseTransitionRejection; readonly message: string };

const FINAL: readonly CaseStatus[] = ['closed', 'withdrawn'];

/**
 * Decides a status change: only the transitions of {@link CASE_TRANSITIONS}; the case's current status again is a
 * repeat (answered with the case as it is). Resolving needs a resolution, and a bill-saver case resolved as completed
 * needs its negotiation recorded with the provider's sign-off. Reopening clears the resolution.
 */
export function decideCaseTransition(
  current: Pick<CaseView, 'status' | 'resolution' | 'serviceId'>,
  request: CaseTransitionRequest,
  negotiationRecorded: boolean,
): CaseTransitionDecision {
  if (request.status === current.status) {
    if (request.status !== 'resolved' || request.resolution === current.resolution) return { kind: 'repeat' };
  }
  const allowed = CASE_TRANSITIONS[current.status];
  if (!allowed.includes(request.status)) {
    return {
      kind: 'reject',
      code: 'transition-not-allowed',
      message: `a ${current.status} case can move to ${allowed.length === 0 ? 'no other status' : allowed.join(', ')}, not ${request.status}`,
    };
  }
  if (request.status === 'resolved') {
    if (request.resolution === undefined) {
      return { kind: 'reject', code: 'resolution-required', message: 'resolving a case needs a resolution' };
    }
    if (current.serviceId === BILL_SAVER_SERVICE && request.resolution === 'completed' && !negotiationRecorded) {
      return {
        kind: 'reject',
        code: 'negotiation-missing',
        message: "a bill negotiation is completed only once its outcome and the provider's sign-off are recorded",
      };
    }
    return { kind: 'apply', to: 'resolved', resolution: request.resolution, final: false };
  }
  return {
    kind: 'apply',
    to: request.status,
    resolution: current.status === 'resolved' && request.status === 'closed' ? current.resolution : null,
    final: FINAL.includes(request.status),
  };
}
