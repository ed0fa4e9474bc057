import { applyClaimVersion, type CodeSetRelease, type ConditionRule } from '@care/clinical';
import { AssessmentCompleted, ClaimReceived } from '@care/contracts';
import { isEventOf, type ReceivedEvent } from '@care/messaging';
import type { EntityManager } from 'typeorm';
import type { EvaluationRequest } from '../evaluation/evaluate-members.use-case';
import { selfReportsOf } from './assessment-evidence.mapper';
import { claimEvidenceOf } from './claim-evidence.mapper';
import {
  assessmentKey,
  findAssessments,
  findClaims,
  lockMembers,
  replaceAssessments,
  saveClaims,
} from './evidence.repository';
import type { StoredClaim, StoredSelfReport } from './stored-evidence.types';

/**
 * Stores the evidence of a batch of `claim-received` events (latest version per claim, voids final) and returns the
 * members and rules to re-evaluate. The caller has locked the members the events name; a replacement that moves a
 * claim to another member locks that member too.
 */
export async function recordClaims(
  manager: EntityManager,
  events: readonly ReceivedEvent[],
  rules: readonly ConditionRule[],
  codeSets: CodeSetRelease,
): Promise<EvaluationRequest[]> {
  const incoming = events.flatMap((event) =>
    isEventOf(event, ClaimReceived.V1)
      ? [{ event, claim: claimEvidenceOf(event.envelope.data.claim, rules, codeSets) }]
      : [],
  );
  if (incoming.length === 0) return [];
  const stored = await findClaims(
    manager,
    incoming.map((item) => item.claim.claimId),
  );
  const changed = new Map<string, StoredClaim>();
  const requests: EvaluationRequest[] = [];
  const movedFrom: string[] = [];
  for (const { event, claim } of incoming) {
    const outcome = applyClaimVersion(stored.get(claim.claimId), claim);
    if (outcome.next === null) continue;
    stored.set(claim.claimId, outcome.next);
    changed.set(claim.claimId, outcome.next);
    requests.push({
      memberId: claim.memberId,
      ruleIds: outcome.affectedRuleIds,
      trigger: 'claim',
      cause: event,
      followsVoid: claim.voided,
    });
    if (outcome.previousMember !== undefined) {
      movedFrom.push(outcome.previousMember.memberId);
      requests.push({
        memberId: outcome.previousMember.memberId,
        ruleIds: outcome.previousMember.ruleIds,
        trigger: 'claim',
        cause: event,
      });
    }
  }
  await lockMembers(manager, movedFrom);
  await saveClaims(manager, [...changed.values()]);
  return requests;
}

/**
 * Stores `assessment-completed` events: an assessment id resubmitted with a later `recordedAt` replaces the earlier
 * items; an older one is ignored. Returns the members and rules to re-evaluate.
 */
export async function recordAssessments(
  manager: EntityManager,
  events: readonly ReceivedEvent[],
  rules: readonly ConditionRule[],
): Promise<EvaluationRequest[]> {
  const incoming = events.flatMap((event) => (isEventOf(event, AssessmentCompleted.V1) ? [event] : []));
  if (incoming.length === 0) return [];
  const stored = await findAssessments(
    manager,
    incoming.map((event) => event.envelope.data),
  );
  const replaced = new Map<string, { memberId: string; assessmentId: string; items: StoredSelfReport[] }>();
  const requests: EvaluationRequest[] = [];
  for (const event of incoming) {
    const assessment = event.envelope.data;
    const key = assessmentKey(assessment.memberId, assessment.assessmentId);
    const earlier = replaced.get(key)?.items ?? stored.get(key) ?? [];
    const earlierRecordedAt = earlier[0]?.recordedAt;
    if (earlierRecordedAt !== undefined && Date.parse(earlierRecordedAt) > Date.parse(assessment.recordedAt))
      continue;
    const items = selfReportsOf(assessment, rules);
    replaced.set(key, { memberId: assessment.memberId, assessmentId: assessment.assessmentId, items });
    requests.push({
      memberId: assessment.memberId,
      ruleIds: [...new Set([...earlier, ...items].flatMap((item) => item.ruleIds))],
      trigger: 'assessment',
      cause: event,
    });
  }
  const assessments = [...replaced.values()];
  await replaceAssessments(
    manager,
    assessments,
    assessments.flatMap((assessment) => assessment.items),
  );
  return requests;
}

/** The members a batch of evidence events names (to lock before reading their state). */
export function membersOf(events: readonly ReceivedEvent[]): string[] {
  return events.flatMap((event) => {
    if (isEventOf(event, ClaimReceived.V1)) return [event.envelope.data.claim.memberId];
    if (isEventOf(event, AssessmentCompleted.V1)) return [event.envelope.data.memberId];
    return [];
  });
}
