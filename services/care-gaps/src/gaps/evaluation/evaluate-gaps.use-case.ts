import { randomUUID } from 'node:crypto';
import {
  BUILT_IN_CODE_SET_RELEASE,
  CONDITION_RULES,
  GAP_RULE_CATALOG_VERSION,
  GAP_RULES,
  rulesWithCodeLists,
  type CodeSetRelease,
  evaluateGap,
  gapRuleHistoryMonths,
  nextGapReview,
  referencePeriodStart,
  type GapEvaluation,
  type GapRule,
} from '@care/clinical';
import {
  CareAlertIssued,
  CareGapClosed,
  CareGapDetected,
  type GapCloseReason,
  type GapOpenReason,
} from '@care/contracts';
import type { EventFactory, OutgoingEvent, ReceivedEvent } from '@care/messaging';
import { dayOf } from '@care/observability';
import type { EntityManager } from 'typeorm';
import { decideAlerts, type AlertDecision } from '../alerts/decide-alerts';
import { loadGapClaims } from '../evidence/gap-claim.repository';
import { loadMemberFacts, type MemberFacts } from '../members/gap-member.repository';
import { decideGapTransition, type GapTrigger } from './decide-gap-transition';
import {
  closeGaps,
  gapKey,
  insertAlerts,
  insertGaps,
  loadOpenGaps,
  loadRecentAlerts,
  saveReviews,
  type NewAlert,
  type NewGap,
} from './gap-state.repository';

/** The gap rules the service runs with, the catalog version they come from and the code sets they decide with. */
export interface GapRuleCatalog {
  readonly version: string;
  readonly rules: readonly GapRule[];
  /** Default: the built-in code sets (seed NDC table, the rules' own code lists). */
  readonly codeSets?: CodeSetRelease;
}

export const DEFAULT_GAP_CATALOG: GapRuleCatalog = { version: GAP_RULE_CATALOG_VERSION, rules: GAP_RULES };

/** The gap rules with a code set release's code lists, and the release's NDC classes for fills. */
export function gapCatalogWith(codeSets: CodeSetRelease): GapRuleCatalog {
  const { gaps } = rulesWithCodeLists({ conditions: CONDITION_RULES, gaps: GAP_RULES }, codeSets.codeLists);
  return { version: GAP_RULE_CATALOG_VERSION, rules: gaps, codeSets };
}

/** One member to evaluate and what led to it. */
export interface GapEvaluationRequest {
  readonly memberId: string;
  readonly trigger: GapTrigger;
  readonly cause?: ReceivedEvent;
}

export interface GapEvaluationOutcome {
  readonly events: OutgoingEvent[];
  readonly opened: ReadonlyArray<{ ruleId: string }>;
  readonly closed: ReadonlyArray<{ ruleId: string; reason: GapCloseReason }>;
  readonly alerts: ReadonlyArray<{ audience: string; status: string }>;
  /** Members evaluated (those on the roster). */
  readonly members: number;
}

export interface GapPolicy {
  readonly programId: string;
  readonly alertSuppressionDays: number;
}

/** Medication and measurement-year windows reach back this far; longer windows only for their own rules. */
const RECENT_MONTHS = 13;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Evaluates every gap rule for each requested member on that member's facts and claims, and applies the
 * transitions: a gap found open stages `care-gap-detected` and its alerts (`care-alert-issued` for the member and the
 * doctor, unless suppressed), an open gap no longer open stages `care-gap-closed`; each member's next review day is
 * kept for the daily review. The caller holds the members' locks and the transaction. An evaluation that changes
 * nothing writes nothing but the review day and emits nothing: replays are safe.
 */
export class EvaluateGapsUseCase {
  readonly rules: readonly GapRule[];
  readonly codeSets: CodeSetRelease;
  private readonly longRuleIds: readonly string[];
  private readonly longMonths: number;

  constructor(
    private readonly events: EventFactory,
    private readonly policy: GapPolicy,
    readonly catalog: GapRuleCatalog = DEFAULT_GAP_CATALOG,
  ) {
    this.rules = catalog.rules;
    this.codeSets = catalog.codeSets ?? BUILT_IN_CODE_SET_RELEASE;
    // Rules with windows before the measurement year (screenings, a prior-year eye exam, prior-year exclusions) or
    // any-time exclusions need their claims from further back.
    const longRules = catalog.rules.filter(
      (rule) =>
        gapRuleHistoryMonths(rule) > RECENT_MONTHS ||
        (rule.exclusions.anyTimeDiagnosisCodePrefixes ?? []).length > 0,
    );
    this.longRuleIds = longRules.map((rule) => rule.id);
    this.longMonths = Math.max(RECENT_MONTHS, ...longRules.map(gapRuleHistoryMonths));
  }

  /** The claim windows for evaluations as of `asOf` (also what the daily prune keeps). */
  claimWindow(asOf: string): { recentSince: string; longSince: string; longRuleIds: readonly string[] } {
    return {
      recentSince: referencePeriodStart(asOf, RECENT_MONTHS),
      longSince: referencePeriodStart(asOf, this.longMonths),
      longRuleIds: this.longRuleIds,
    };
  }

  /** Evaluates without writing (the member view). */
  async evaluateMember(
    manager: EntityManager,
    memberId: string,
    now: Date,
  ): Promise<{ facts: MemberFacts | undefined; evaluations: GapEvaluation[] }> {
    const asOf = dayOf(now);
    const facts = (await loadMemberFacts(manager, [memberId], this.policy.programId)).get(memberId);
    if (facts === undefined) return { facts, evaluations: [] };
    const claims = (await loadGapClaims(manager, [memberId], this.claimWindow(asOf))).get(memberId) ?? [];
    return { facts, evaluations: this.rules.map((rule) => evaluateGap(rule, facts.member, claims, asOf)) };
  }

  async execute(
    manager: EntityManager,
    requests: readonly GapEvaluationRequest[],
    now: Date,
  ): Promise<GapEvaluationOutcome> {
    const outcome = {
      events: [] as OutgoingEvent[],
      opened: [] as Array<{ ruleId: string }>,
      closed: [] as Array<{ ruleId: string; reason: GapCloseReason }>,
      alerts: [] as Array<{ audience: string; status: string }>,
      members: 0,
    };
    const byMember = new Map<string, GapEvaluationRequest>();
    for (const request of requests)
      byMember.set(request.memberId, { ...byMember.get(request.memberId), ...request });
    if (byMember.size === 0) return outcome;

    const asOf = dayOf(now);
    const at = now.toISOString();
    const memberIds = [...byMember.keys()];
    const facts = await loadMemberFacts(manager, memberIds, this.policy.programId);
    const known = memberIds.filter((memberId) => facts.has(memberId));
    const claims = await loadGapClaims(manager, known, this.claimWindow(asOf));
    const openGaps = await loadOpenGaps(manager, known);
    const recentAlerts = await loadRecentAlerts(
      manager,
      known,
      new Date(now.getTime() - this.policy.alertSuppressionDays * DAY_MS),
    );

    const newGaps: NewGap[] = [];
    const closures: Array<{ gapId: string; reason: GapCloseReason; closingClaimIds: readonly string[] }> = [];
    const alerts: NewAlert[] = [];
    const reviews: Array<{ memberId: string; reviewOn: string }> = [];

    for (const memberId of known) {
      const request = byMember.get(memberId) as GapEvaluationRequest;
      const memberFacts = facts.get(memberId) as MemberFacts;
      const memberClaims = claims.get(memberId) ?? [];
      const causedBy = request.cause === undefined ? {} : { causedBy: request.cause };
      let reviewOn: string | undefined;
      outcome.members += 1;
      for (const rule of this.rules) {
        const evaluation = evaluateGap(rule, memberFacts.member, memberClaims, asOf);
        const next = nextGapReview(rule, memberClaims, evaluation, asOf);
        if (reviewOn === undefined || next < reviewOn) reviewOn = next;
        const open = openGaps.get(gapKey(memberId, rule.id));
        const transition = decideGapTransition(open !== undefined, evaluation);
        if (transition.action === 'open') {
          const providerNpi =
            rule.providerAlertTo === 'prescriber'
              ? (evaluation.prescriberNpi ?? null)
              : memberFacts.preferences.pcpNpi;
          const gap: NewGap = {
            gapId: randomUUID(),
            memberId,
            ruleId: rule.id,
            ruleVersion: rule.version,
            codeSetRelease: this.codeSets.id,
            reason: evaluation.reason,
            openedOn: asOf,
            detectedAt: at,
            evidence: evidenceOf(evaluation),
            providerNpi,
          };
          newGaps.push(gap);
          outcome.opened.push({ ruleId: rule.id });
          outcome.events.push(this.detectedEvent(rule, gap, evaluation, causedBy));
          const decisions = decideAlerts({
            facts: memberFacts,
            providerNpi,
            recentlyAlerted: recentAlerts.get(gapKey(memberId, rule.id)) ?? new Set(),
          });
          for (const decision of decisions) {
            const alertId = randomUUID();
            alerts.push({
              alertId,
              gapId: gap.gapId,
              memberId,
              ruleId: rule.id,
              ruleVersion: gap.ruleVersion,
              codeSetRelease: gap.codeSetRelease,
              decision,
            });
            outcome.alerts.push({ audience: decision.audience, status: decision.status });
            if (decision.status === 'issued') {
              outcome.events.push(this.alertEvent(rule, gap, alertId, decision, at, causedBy));
            }
          }
        }
        if (transition.action === 'close' && open !== undefined) {
          const closingClaimIds = transition.reason === 'satisfied' ? evaluation.closingClaimIds : [];
          closures.push({ gapId: open.gapId, reason: transition.reason, closingClaimIds });
          outcome.closed.push({ ruleId: rule.id, reason: transition.reason });
          outcome.events.push(
            this.events.create(CareGapClosed.V1, {
              subject: memberId,
              occurredAt: at,
              ...causedBy,
              data: {
                gapId: open.gapId,
                memberId,
                ruleId: rule.id,
                ruleVersion: rule.version,
                codeSetRelease: this.codeSets.id,
                reason: transition.reason,
                openedOn: open.openedOn,
                closedAt: at,
                closingClaimIds: [...closingClaimIds],
              },
            }),
          );
        }
      }
      if (reviewOn !== undefined) reviews.push({ memberId, reviewOn });
    }

    await insertGaps(manager, newGaps);
    await closeGaps(manager, closures, now, this.codeSets.id);
    await insertAlerts(manager, alerts, now);
    await saveReviews(manager, reviews);
    return outcome;
  }

  private detectedEvent(
    rule: GapRule,
    gap: NewGap,
    evaluation: GapEvaluation,
    causedBy: { causedBy?: ReceivedEvent },
  ): OutgoingEvent {
    return this.events.create(CareGapDetected.V1, {
      subject: gap.memberId,
      occurredAt: gap.detectedAt,
      ...causedBy,
      data: {
        gapId: gap.gapId,
        memberId: gap.memberId,
        ruleId: rule.id,
        ruleVersion: rule.version,
        codeSetRelease: gap.codeSetRelease,
        gapName: rule.name,
        kind: rule.kind,
        reason: evaluation.reason as GapOpenReason,
        openedOn: gap.openedOn,
        detectedAt: gap.detectedAt,
        evidenceClaimIds: [...evaluation.evidenceClaimIds],
        ...(evaluation.refillDueBy === undefined ? {} : { refillDueBy: evaluation.refillDueBy }),
        ...(evaluation.proportionOfDaysCovered === undefined
          ? {}
          : { proportionOfDaysCovered: Math.round(evaluation.proportionOfDaysCovered * 10000) / 10000 }),
        ...(gap.providerNpi === null ? {} : { providerNpi: gap.providerNpi }),
      },
    });
  }

  private alertEvent(
    rule: GapRule,
    gap: NewGap,
    alertId: string,
    decision: AlertDecision,
    at: string,
    causedBy: { causedBy?: ReceivedEvent },
  ): OutgoingEvent {
    return this.events.create(CareAlertIssued.V1, {
      subject: gap.memberId,
      occurredAt: at,
      ...causedBy,
      data: {
        alertId,
        gapId: gap.gapId,
        memberId: gap.memberId,
        ruleId: rule.id,
        ruleVersion: gap.ruleVersion,
        codeSetRelease: gap.codeSetRelease,
        audience: decision.audience,
        channel: decision.channel ?? 'mail',
        ...(decision.providerNpi === null ? {} : { providerNpi: decision.providerNpi }),
        ...(decision.language === null ? {} : { language: decision.language }),
        templateId: `${rule.id}.${decision.audience}`,
        issuedAt: at,
      },
    });
  }
}

/** What a gap records about the evaluation that opened it. */
function evidenceOf(evaluation: GapEvaluation): object {
  return {
    reason: evaluation.reason,
    evidenceClaimIds: evaluation.evidenceClaimIds,
    ...(evaluation.proportionOfDaysCovered === undefined
      ? {}
      : { proportionOfDaysCovered: evaluation.proportionOfDaysCovered }),
    ...(evaluation.refillDueBy === undefined ? {} : { refillDueBy: evaluation.refillDueBy }),
  };
}
