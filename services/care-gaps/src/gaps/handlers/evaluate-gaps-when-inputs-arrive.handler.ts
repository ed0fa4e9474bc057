import { applyClaimVersion, type CodeSetRelease, type GapRule } from '@care/clinical';
import {
  ClaimReceived,
  MemberEligibilityChanged,
  MemberIdentificationRetracted,
  MemberIdentified,
  ProgramEnrollmentChanged,
  CONSUMER_GROUPS,
  consumerOf,
} from '@care/contracts';
import { isEventOf, type EventConsumerDefinition, type ReceivedEvent } from '@care/messaging';
import type { Clock } from '@care/observability';
import type { EntityManager } from 'typeorm';
import type { EvaluateGapsUseCase, GapEvaluationRequest } from '../evaluation/evaluate-gaps.use-case';
import { gapClaimOf, type StoredGapClaim } from '../evidence/gap-claim.mapper';
import { findGapClaims, lockGapMembers, saveGapClaims } from '../evidence/gap-claim.repository';
import type { GapMetrics } from '../gap.metrics';
import { saveConditions, saveEnrollments, saveMembers } from '../members/gap-member.repository';

/** An identification or its retraction, as the gap rules' eligibility sees it. */
interface ConditionChange {
  readonly event: ReceivedEvent;
  readonly memberId: string;
  readonly conditionId: string;
  readonly identified: boolean;
}

/** The member each input event is about. */
function memberOf(event: ReceivedEvent): string | undefined {
  if (isEventOf(event, ClaimReceived.V1)) return event.envelope.data.claim.memberId;
  if (isEventOf(event, MemberEligibilityChanged.V1)) return event.envelope.data.member.memberId;
  if (isEventOf(event, MemberIdentified.V1)) return event.envelope.data.memberId;
  if (isEventOf(event, MemberIdentificationRetracted.V1)) return event.envelope.data.memberId;
  if (isEventOf(event, ProgramEnrollmentChanged.V1)) return event.envelope.data.memberId;
  return undefined;
}

/** Stores the claims of a batch (latest version per claim id, void final); returns the members whose claims changed. */
async function recordClaims(
  manager: EntityManager,
  events: readonly ReceivedEvent[],
  rules: readonly GapRule[],
  codeSets: CodeSetRelease,
): Promise<GapEvaluationRequest[]> {
  const incoming = events.flatMap((event) =>
    isEventOf(event, ClaimReceived.V1)
      ? [{ event, claim: gapClaimOf(event.envelope.data.claim, rules, codeSets) }]
      : [],
  );
  if (incoming.length === 0) return [];
  const stored = await findGapClaims(
    manager,
    incoming.map((item) => item.claim.claimId),
  );
  const changed = new Map<string, StoredGapClaim>();
  const requests: GapEvaluationRequest[] = [];
  for (const { event, claim } of incoming) {
    const outcome = applyClaimVersion(stored.get(claim.claimId), claim);
    if (outcome.next === null) continue;
    stored.set(claim.claimId, outcome.next);
    changed.set(claim.claimId, outcome.next);
    if (outcome.affectedRuleIds.length > 0)
      requests.push({ memberId: claim.memberId, trigger: 'claim', cause: event });
    if (outcome.previousMember !== undefined && outcome.previousMember.ruleIds.length > 0) {
      requests.push({ memberId: outcome.previousMember.memberId, trigger: 'claim', cause: event });
    }
  }
  await lockGapMembers(
    manager,
    requests.map((request) => request.memberId),
  );
  await saveGapClaims(manager, [...changed.values()]);
  return requests;
}

/**
 * Consumes everything gaps depend on, in one consumer group so one member's inputs apply in order: claims
 * (`claim-received`), the roster (`member-eligibility-changed`), identified conditions (`member-identified` and its
 * retraction) and care-program enrollment (`program-enrollment-changed`). Each batch stores the facts and then
 * re-evaluates every gap rule for only the members it names, staging gap and alert events in the same transaction.
 */
export function evaluateGapsWhenInputsArrive(
  evaluate: EvaluateGapsUseCase,
  metrics: GapMetrics,
  clock: Clock,
): EventConsumerDefinition {
  return {
    // the consumer group is <prefix><service>.<name>, declared in the catalog
    ...consumerOf(CONSUMER_GROUPS.careGapsInputs),
    handle: async (events, context) => {
      const { manager } = context;
      const now = clock.now();
      await lockGapMembers(
        manager,
        events.flatMap((event) => memberOf(event) ?? []),
      );
      const requests: GapEvaluationRequest[] = [];
      const members = events.flatMap((event) =>
        isEventOf(event, MemberEligibilityChanged.V1) ? [event] : [],
      );
      await saveMembers(
        manager,
        members.map((event) => event.envelope.data.member),
        now,
      );
      requests.push(
        ...members.map((event) => ({
          memberId: event.envelope.data.member.memberId,
          trigger: 'member' as const,
          cause: event,
        })),
      );
      const conditionEvents = events.flatMap((event): ConditionChange[] => {
        if (isEventOf(event, MemberIdentified.V1)) {
          return [
            {
              event,
              memberId: event.envelope.data.memberId,
              conditionId: event.envelope.data.conditionId,
              identified: true,
            },
          ];
        }
        if (isEventOf(event, MemberIdentificationRetracted.V1)) {
          return [
            {
              event,
              memberId: event.envelope.data.memberId,
              conditionId: event.envelope.data.conditionId,
              identified: false,
            },
          ];
        }
        return [];
      });
      await saveConditions(manager, conditionEvents);
      requests.push(
        ...conditionEvents.map((item) => ({
          memberId: item.memberId,
          trigger: 'condition' as const,
          cause: item.event,
        })),
      );
      const enrollments = events.flatMap((event) =>
        isEventOf(event, ProgramEnrollmentChanged.V1) ? [event] : [],
      );
      await saveEnrollments(
        manager,
        enrollments.map((event) => event.envelope.data),
      );
      requests.push(
        ...enrollments.map((event) => ({
          memberId: event.envelope.data.memberId,
          trigger: 'enrollment' as const,
          cause: event,
        })),
      );
      requests.push(...(await recordClaims(manager, events, evaluate.rules, evaluate.codeSets)));

      const outcome = await evaluate.execute(manager, requests, now);
      await context.stage(outcome.events);
      context.afterCommit(() => metrics.record(outcome));
    },
  };
}
