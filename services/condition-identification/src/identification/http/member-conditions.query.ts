import { Inject, Injectable } from '@nestjs/common';
import type { ConditionReason } from '@care/clinical';
import type { EvidenceClaim, IdentificationEvidence } from '@care/contracts';
import { DataSource } from 'typeorm';
import { CLOCK, dayOf, type Clock } from '@care/observability';
import {
  conditionStateKey,
  identificationsOf,
  loadConditionStates,
  type ConditionStatus,
  type IdentificationRecord,
} from '../evaluation/condition-state.repository';
import { EvaluateMembersUseCase, evidenceClaims, evidenceOf } from '../evaluation/evaluate-members.use-case';
import { loadMemberEvidence } from '../evidence/evidence.repository';

/** One condition of a member as the API shows it: the stored state, today's evaluation, and its evidence. */
export interface MemberConditionView {
  readonly conditionId: string;
  readonly name: string;
  readonly ruleId: string;
  readonly ruleVersion: string;
  /** The code set release today's evaluation decides with, beside the rule version (issue 21). */
  readonly codeSetRelease: string;
  /** Stored state: identified, excluded or not-met (never identified, or retracted). */
  readonly status: ConditionStatus;
  /** Today's evaluation on today's evidence (the stored state follows it after each claim and daily). */
  readonly evaluation: {
    readonly asOf: string;
    readonly met: boolean;
    readonly reason: ConditionReason;
    readonly basis: string | null;
    readonly firstMetOn: string | null;
    readonly evidence: IdentificationEvidence;
    readonly exclusionClaims: readonly EvidenceClaim[];
    readonly nextReviewOn: string | null;
  };
  /** The active identification, with the evidence it was made on. */
  readonly identification: IdentificationRecord | null;
}

export interface MemberConditionsView {
  readonly memberId: string;
  readonly asOf: string;
  readonly conditions: readonly MemberConditionView[];
  /** Every identification of the member, including retracted ones, oldest first. */
  readonly history: readonly IdentificationRecord[];
}

/** Reads one member's conditions: no write, no event. */
@Injectable()
export class MemberConditionsQuery {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(EvaluateMembersUseCase) private readonly evaluate: EvaluateMembersUseCase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async forMember(memberId: string): Promise<MemberConditionsView> {
    const asOf = dayOf(this.clock.now());
    const manager = this.dataSource.manager;
    const evidence = (await loadMemberEvidence(manager, [memberId], this.evaluate.lookbackStart(asOf))).get(
      memberId,
    ) ?? { claims: [], selfReported: [] };
    const states = await loadConditionStates(manager, [memberId]);
    const history = await identificationsOf(manager, memberId);
    const evaluations = this.evaluate.evaluateEvidence(evidence, this.evaluate.rules, asOf);
    const claims = new Map(evidence.claims.map((claim) => [claim.claimId, claim]));

    const conditions = evaluations.flatMap((evaluation, index): MemberConditionView[] => {
      const rule = this.evaluate.rules[index];
      if (rule === undefined) return [];
      const state = states.get(conditionStateKey(memberId, rule.id));
      const concerned =
        evidence.claims.some((claim) => claim.ruleIds.includes(rule.id)) ||
        evidence.selfReported.some((item) => item.ruleIds.includes(rule.id));
      if (state === undefined && !concerned) return [];
      const active =
        state?.status === 'identified'
          ? history.find((item) => item.identificationId === state.identificationId)
          : undefined;
      return [
        {
          conditionId: rule.id,
          name: rule.name,
          ruleId: rule.id,
          ruleVersion: rule.version,
          codeSetRelease: this.evaluate.codeSets.id,
          status: state?.status ?? 'not-met',
          evaluation: {
            asOf,
            met: evaluation.met,
            reason: evaluation.reason,
            basis: evaluation.basis,
            firstMetOn: evaluation.firstMetOn,
            evidence: evidenceOf(evaluation, evidence),
            exclusionClaims: evidenceClaims(evaluation.exclusionClaimIds, claims),
            nextReviewOn:
              evaluation.met || evaluation.excluded ? this.evaluate.nextReviewOn(rule, evidence, asOf) : null,
          },
          identification: active ?? null,
        },
      ];
    });
    return { memberId, asOf, conditions, history };
  }
}
