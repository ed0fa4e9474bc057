import { randomUUID } from 'node:crypto';
import {
  BUILT_IN_CODE_SET_RELEASE,
  CONDITION_RULE_CATALOG_VERSION,
  CONDITION_RULES,
  GAP_RULES,
  rulesWithCodeLists,
  type CodeSetRelease,
  evaluateCondition,
  evidenceLookbackMonths,
  nextEvidenceExpiry,
  referencePeriodStart,
  type ClaimEvidence,
  type ConditionEvaluation,
  type ConditionRule,
  type SelfReportedEvidence,
} from '@care/clinical';
import {
  MemberIdentificationRetracted,
  MemberIdentified,
  type EvidenceClaim,
  type IdentificationBasis,
  type IdentificationEvidence,
  type IdentificationTrigger,
  type RetractionReason,
} from '@care/contracts';
import type { EventFactory, OutgoingEvent, ReceivedEvent } from '@care/messaging';
import type { EntityManager } from 'typeorm';
import { dayOf } from '@care/observability';
import { loadMemberEvidence } from '../evidence/evidence.repository';
import type { MemberEvidence, StoredClaim } from '../evidence/stored-evidence.types';
import {
  conditionStateKey,
  insertIdentifications,
  loadConditionStates,
  retractIdentifications,
  saveConditionStates,
  type ConditionState,
  type IdentificationRecord,
} from './condition-state.repository';
import { decideTransition } from './decide-transition';

/** The rules identification runs with, the catalog version they come from and the code sets they decide with. */
export interface RuleCatalog {
  readonly version: string;
  readonly rules: readonly ConditionRule[];
  /** Default: the built-in code sets (seed NDC table, the rules' own code lists). */
  readonly codeSets?: CodeSetRelease;
}

export const DEFAULT_RULE_CATALOG: RuleCatalog = {
  version: CONDITION_RULE_CATALOG_VERSION,
  rules: CONDITION_RULES,
};

/** The condition rules with a code set release's code lists, and the release's NDC classes for pharmacy claims. */
export function ruleCatalogWith(codeSets: CodeSetRelease): RuleCatalog {
  const { conditions } = rulesWithCodeLists(
    { conditions: CONDITION_RULES, gaps: GAP_RULES },
    codeSets.codeLists,
  );
  return { version: CONDITION_RULE_CATALOG_VERSION, rules: conditions, codeSets };
}

/** One member to evaluate: which rules, and what led to it. */
export interface EvaluationRequest {
  readonly memberId: string;
  /** The rules the new evidence concerns, or 'all' (re-runs). */
  readonly ruleIds: readonly string[] | 'all';
  readonly trigger: IdentificationTrigger;
  /** The consumed event behind the evaluation (causation, correlation, trace), if any. */
  readonly cause?: ReceivedEvent;
  readonly followsVoid?: boolean;
}

export interface EvaluationOutcome {
  readonly events: OutgoingEvent[];
  readonly identified: ReadonlyArray<{
    conditionId: string;
    basis: IdentificationBasis;
    trigger: IdentificationTrigger;
  }>;
  readonly retracted: ReadonlyArray<{ conditionId: string; reason: RetractionReason }>;
  /** Member-rule evaluations made. */
  readonly evaluations: number;
}

const toClaimEvidence = (claim: StoredClaim): ClaimEvidence => ({
  claimId: claim.claimId,
  version: claim.version,
  serviceDate: claim.serviceDate,
  setting: claim.setting,
  diagnosisCodes: claim.diagnosisCodes,
  ...(claim.drugClass === null ? {} : { drugClass: claim.drugClass }),
  status: claim.voided ? 'voided' : 'active',
});

interface PendingRetraction {
  readonly request: EvaluationRequest;
  readonly rule: ConditionRule;
  readonly evaluation: ConditionEvaluation;
  readonly evidence: MemberEvidence;
  readonly identificationId: string;
  readonly reason: RetractionReason;
}

/** The listed claims as evidence references (ids, versions, dates, settings), in the order given. */
export function evidenceClaims(
  claimIds: readonly string[],
  claims: ReadonlyMap<string, StoredClaim>,
): EvidenceClaim[] {
  return [...new Set(claimIds)].flatMap((claimId) => {
    const claim = claims.get(claimId);
    return claim === undefined
      ? []
      : [{ claimId, version: claim.version, serviceDate: claim.serviceDate, setting: claim.setting }];
  });
}

/** The evidence an evaluation rests on, as recorded with an identification. */
export function evidenceOf(
  evaluation: ConditionEvaluation,
  evidence: MemberEvidence,
): IdentificationEvidence {
  const claims = new Map(evidence.claims.map((claim) => [claim.claimId, claim]));
  const assessments = new Map(evidence.selfReported.map((item) => [item.assessmentId, item.completedOn]));
  return {
    qualifyingClaims: evidenceClaims(evaluation.qualifyingClaimIds, claims),
    supportingFills: evidenceClaims(evaluation.supporting.pharmacyClaimIds, claims),
    selfReported: [...new Set(evaluation.supporting.selfReportedAssessmentIds)].map((assessmentId) => ({
      assessmentId,
      completedOn: assessments.get(assessmentId) ?? '',
    })),
  };
}

/** The member's evidence one rule looks at, in the shapes of @care/clinical. */
function evidenceForRule(
  rule: ConditionRule,
  evidence: MemberEvidence,
): { claims: ClaimEvidence[]; selfReported: SelfReportedEvidence[] } {
  return {
    claims: evidence.claims.filter((claim) => claim.ruleIds.includes(rule.id)).map(toClaimEvidence),
    selfReported: evidence.selfReported
      .filter((item) => item.ruleIds.includes(rule.id))
      .map((item) => ({
        assessmentId: item.assessmentId,
        date: item.completedOn,
        kind: item.kind,
        code: item.code,
        ...(item.value === null ? {} : { value: item.value }),
      })),
  };
}

/** Merges requests for the same member: union of rules ('all' wins), the latest cause, any void. */
function mergeRequests(requests: readonly EvaluationRequest[]): EvaluationRequest[] {
  const merged = new Map<string, EvaluationRequest>();
  for (const request of requests) {
    const earlier = merged.get(request.memberId);
    if (earlier === undefined) {
      merged.set(request.memberId, request);
      continue;
    }
    const ruleIds =
      earlier.ruleIds === 'all' || request.ruleIds === 'all'
        ? 'all'
        : [...new Set([...earlier.ruleIds, ...request.ruleIds])];
    const cause = request.cause ?? earlier.cause;
    merged.set(request.memberId, {
      memberId: request.memberId,
      ruleIds,
      trigger: request.trigger,
      ...(cause === undefined ? {} : { cause }),
      followsVoid: earlier.followsVoid === true || request.followsVoid === true,
    });
  }
  return [...merged.values()].filter((request) => request.ruleIds === 'all' || request.ruleIds.length > 0);
}

/**
 * Evaluates the requested rules for each member against that member's evidence in the look-back, and applies the
 * transitions: a new identification stages `member-identified`, a lapsed one stages
 * `member-identification-retracted`, everything else only updates bookkeeping. The caller holds the members' locks
 * and the transaction; an evaluation that changes nothing writes nothing and emits nothing, which is what makes
 * replays, redeliveries and re-runs safe.
 */
export class EvaluateMembersUseCase {
  private readonly rulesById: ReadonlyMap<string, ConditionRule>;
  private readonly lookbackMonths: number;
  readonly rules: readonly ConditionRule[];
  readonly codeSets: CodeSetRelease;

  constructor(
    private readonly events: EventFactory,
    readonly catalog: RuleCatalog = DEFAULT_RULE_CATALOG,
  ) {
    this.rules = catalog.rules;
    this.codeSets = catalog.codeSets ?? BUILT_IN_CODE_SET_RELEASE;
    this.rulesById = new Map(catalog.rules.map((rule) => [rule.id, rule]));
    this.lookbackMonths = evidenceLookbackMonths(catalog.rules);
  }

  /** Evaluates without writing: the member's rules as of `asOf`, on the evidence in the look-back. */
  evaluateEvidence(
    evidence: MemberEvidence,
    rules: readonly ConditionRule[],
    asOf: string,
  ): ConditionEvaluation[] {
    return rules.map((rule) => evaluateCondition(rule, evidenceForRule(rule, evidence), asOf));
  }

  /** The next day some of this rule's evidence leaves its period (the daily re-evaluation's `review_on`). */
  nextReviewOn(rule: ConditionRule, evidence: MemberEvidence, asOf: string): string | null {
    const { claims, selfReported } = evidenceForRule(rule, evidence);
    return nextEvidenceExpiry(rule, claims, selfReported, asOf);
  }

  /** The first day of the longest look-back ending on `asOf`: older evidence can never matter. */
  lookbackStart(asOf: string): string {
    return referencePeriodStart(asOf, this.lookbackMonths);
  }

  async execute(
    manager: EntityManager,
    requests: readonly EvaluationRequest[],
    now: Date,
  ): Promise<EvaluationOutcome> {
    const merged = mergeRequests(requests);
    const outcome = {
      events: [] as OutgoingEvent[],
      identified: [] as Array<EvaluationOutcome['identified'][number]>,
      retracted: [] as Array<EvaluationOutcome['retracted'][number]>,
      evaluations: 0,
    };
    if (merged.length === 0) return outcome;

    const asOf = dayOf(now);
    const memberIds = merged.map((request) => request.memberId);
    const evidenceByMember = await loadMemberEvidence(manager, memberIds, this.lookbackStart(asOf));
    const states = await loadConditionStates(manager, memberIds);

    const nextStates: ConditionState[] = [];
    const newIdentifications: IdentificationRecord[] = [];
    const retractions: PendingRetraction[] = [];
    const at = now.toISOString();

    for (const request of merged) {
      const evidence = evidenceByMember.get(request.memberId) ?? { claims: [], selfReported: [] };
      const rules =
        request.ruleIds === 'all'
          ? this.rules
          : request.ruleIds.flatMap((ruleId) => {
              const rule = this.rulesById.get(ruleId);
              return rule === undefined ? [] : [rule];
            });
      const evaluations = this.evaluateEvidence(evidence, rules, asOf);
      outcome.evaluations += evaluations.length;
      evaluations.forEach((evaluation, index) => {
        const rule = rules[index];
        const decision = decideTransition({
          memberId: request.memberId,
          ruleVersion: rule.version,
          current: states.get(conditionStateKey(request.memberId, rule.id)),
          evaluation,
          reviewOn: evaluation.met || evaluation.excluded ? this.nextReviewOn(rule, evidence, asOf) : null,
          trigger: request.trigger,
          followsVoid: request.followsVoid === true,
          newIdentificationId: randomUUID(),
        });
        if (decision.nextState !== null) nextStates.push(decision.nextState);
        if (decision.action === 'identify' && decision.nextState?.identificationId) {
          const record = this.identificationRecord(
            request,
            rule,
            evaluation,
            evidence,
            decision.nextState.identificationId,
            at,
          );
          newIdentifications.push(record);
          outcome.events.push(this.identifiedEvent(record, request));
          outcome.identified.push({
            conditionId: rule.id,
            basis: record.basis as IdentificationBasis,
            trigger: request.trigger,
          });
        }
        if (decision.action === 'retract' && decision.retractionReason !== undefined) {
          retractions.push({
            request,
            rule,
            evaluation,
            evidence,
            identificationId: decision.nextState?.identificationId ?? '',
            reason: decision.retractionReason,
          });
          outcome.retracted.push({ conditionId: rule.id, reason: decision.retractionReason });
        }
      });
    }

    // Identifications first: member_conditions refers to them.
    await insertIdentifications(manager, newIdentifications);
    const firstMetOn = await retractIdentifications(
      manager,
      retractions.map((retraction) => ({
        identificationId: retraction.identificationId,
        reason: retraction.reason,
        ruleVersion: retraction.rule.version,
      })),
      now,
      this.codeSets.id,
    );
    await saveConditionStates(manager, nextStates, now);
    for (const retraction of retractions) {
      outcome.events.push(
        this.retractedEvent(retraction, firstMetOn.get(retraction.identificationId) ?? asOf, at),
      );
    }
    return outcome;
  }

  private identificationRecord(
    request: EvaluationRequest,
    rule: ConditionRule,
    evaluation: ConditionEvaluation,
    evidence: MemberEvidence,
    identificationId: string,
    at: string,
  ): IdentificationRecord {
    return {
      identificationId,
      memberId: request.memberId,
      conditionId: rule.id,
      ruleId: rule.id,
      ruleVersion: rule.version,
      catalogVersion: this.catalog.version,
      codeSetRelease: this.codeSets.id,
      basis: evaluation.basis ?? 'claims',
      firstMetOn: evaluation.firstMetOn ?? '',
      evidence: evidenceOf(evaluation, evidence),
      trigger: request.trigger,
      identifiedAt: at,
      retractedAt: null,
      retractionReason: null,
      retractionRuleVersion: null,
      retractionCodeSetRelease: null,
    };
  }

  private retractedEvent(retraction: PendingRetraction, firstMetOn: string, at: string): OutgoingEvent {
    const { request, rule, evaluation, evidence } = retraction;
    const claims = new Map(evidence.claims.map((claim) => [claim.claimId, claim]));
    return this.events.create(MemberIdentificationRetracted.V1, {
      subject: request.memberId,
      occurredAt: at,
      ...(request.cause === undefined ? {} : { causedBy: request.cause }),
      data: {
        identificationId: retraction.identificationId,
        memberId: request.memberId,
        conditionId: rule.id,
        ruleId: rule.id,
        ruleVersion: rule.version,
        codeSetRelease: this.codeSets.id,
        reason: retraction.reason,
        firstMetOn,
        retractedAt: at,
        trigger: request.trigger,
        exclusionClaims: evidenceClaims(evaluation.exclusionClaimIds, claims),
      },
    });
  }

  private identifiedEvent(record: IdentificationRecord, request: EvaluationRequest): OutgoingEvent {
    const rule = this.rulesById.get(record.ruleId) as ConditionRule;
    return this.events.create(MemberIdentified.V1, {
      subject: record.memberId,
      occurredAt: record.identifiedAt,
      ...(request.cause === undefined ? {} : { causedBy: request.cause }),
      data: {
        identificationId: record.identificationId,
        memberId: record.memberId,
        conditionId: record.conditionId,
        conditionName: rule.name,
        ruleId: record.ruleId,
        ruleVersion: record.ruleVersion,
        catalogVersion: record.catalogVersion,
        ...(record.codeSetRelease === null ? {} : { codeSetRelease: record.codeSetRelease }),
        basis: record.basis as IdentificationBasis,
        firstMetOn: record.firstMetOn,
        identifiedAt: record.identifiedAt,
        trigger: request.trigger,
        evidence: record.evidence as IdentificationEvidence,
      },
    });
  }
}
