import { CASE_STATUSES, CASE_TRANSITIONS, type CaseStatus } from '../case.model';
import { decideCaseTransition } from './decide-case-transition';

const caseIn = (status: CaseStatus, serviceId = 'find-provider', resolution: 'completed' | null = null) => ({
  status,
  serviceId,
  resolution,
});

describe('decideCaseTransition', () => {
  const pairs = CASE_STATUSES.flatMap((from) => CASE_STATUSES.filter((to) => to !== from).map((to) => [from, to] as const));

  it.each(pairs)('%s -> %s follows the transition table', (from, to) => {
    const decision = decideCaseTransition(caseIn(from), { status: to, reason: 'r', resolution: 'completed' }, false);
    expect(decision.kind).toBe(CASE_TRANSITIONS[from].includes(to) ? 'apply' : 'reject');
  });

  it('names the allowed statuses when refusing', () => {
    expect(decideCaseTransition(caseIn('open'), { status: 'closed', reason: 'r' }, false)).toEqual({
      kind: 'reject',
      code: 'transition-not-allowed',
      message: 'a open case can move to in-progress, withdrawn, not closed',
    });
    expect(decideCaseTransition(caseIn('closed'), { status: 'in-progress', reason: 'r' }, false)).toMatchObject({
      message: 'a closed case can move to no other status, not in-progress',
    });
  });

  it('answers the same status as a repeat', () => {
    expect(decideCaseTransition(caseIn('in-progress'), { status: 'in-progress', reason: 'r' }, false)).toEqual({ kind: 'repeat' });
  });

  it('needs a resolution to resolve', () => {
    expect(decideCaseTransition(caseIn('in-progress'), { status: 'resolved', reason: 'r' }, false)).toMatchObject({
      kind: 'reject',
      code: 'resolution-required',
    });
  });

  it('completes a bill negotiation only with its outcome recorded', () => {
    const request = { status: 'resolved' as const, reason: 'r', resolution: 'completed' as const };
    expect(decideCaseTransition(caseIn('in-progress', 'bill-saver'), request, false)).toMatchObject({ code: 'negotiation-missing' });
    expect(decideCaseTransition(caseIn('in-progress', 'bill-saver'), request, true)).toMatchObject({ kind: 'apply', resolution: 'completed' });
    expect(
      decideCaseTransition(caseIn('in-progress', 'bill-saver'), { ...request, resolution: 'unable-to-resolve' }, false),
    ).toMatchObject({ kind: 'apply', resolution: 'unable-to-resolve' });
  });

  it('keeps the resolution when closing, clears it when reopening, and marks final statuses', () => {
    expect(decideCaseTransition(caseIn('resolved', 'find-provider', 'completed'), { status: 'closed', reason: 'r' }, false)).toEqual({
      kind: 'apply',
      to: 'closed',
      resolution: 'completed',
      final: true,
    });
    expect(decideCaseTransition(caseIn('resolved', 'find-provider', 'completed'), { status: 'in-progress', reason: 'r' }, false)).toEqual({
      kind: 'apply',
      to: 'in-progress',
      resolution: null,
      final: false,
    });
  });
});
