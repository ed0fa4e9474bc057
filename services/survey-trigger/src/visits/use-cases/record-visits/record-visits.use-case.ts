import { ClaimReceived } from '@care/contracts';
import { isEventOf, type OutgoingEvent, type ReceivedEvent } from '@care/messaging';
import type { EntityManager } from 'typeorm';
import { loadMembers } from '../../../members/persistence/member-facts.repository';
import { lockMembersAndHouseholds, lockMoreKeys } from '../../../shared/lock-households.util';
import { seedFingerprintOf } from '../../../shared/seed-fingerprint.util';
import type { SurveyOptions } from '../../../shared/survey-options';
import {
  cancelVisitsWithoutClaims,
  findVisits,
  insertVisits,
  updateVisitDecisions,
} from '../../persistence/visit.repository';
import { findVisitClaims, saveVisitClaims, type VisitClaim } from '../../persistence/visit-claim.repository';
import { classifyClaim, newVisitOf } from '../../visit-of-claim.mapper';
import type { VisitRecord } from '../../visit.types';
import type { DecideVisitsUseCase, DecisionItem } from '../decide-visits/decide-visits.use-case';

/** What a claim did, for the metrics: opened a visit, described a known one, or was no (new) visit and why. */
export type ClaimOutcome =
  | 'new-visit'
  | 'same-visit'
  | 'stale-version'
  | 'voided'
  | 'institutional'
  | 'pharmacy'
  | 'denied'
  | 'no-office-visit-code'
  | 'nurse-visit-excluded'
  | 'telehealth-excluded';

export interface RecordVisitsOutcome {
  readonly events: OutgoingEvent[];
  readonly claims: readonly ClaimOutcome[];
  /** Visits decided or cancelled in this batch, with their status and reasons. */
  readonly visits: ReadonlyArray<Pick<VisitRecord, 'status' | 'reasons'>>;
}

/**
 * Applies a batch of `claim-received` events: keeps the latest version of each professional claim (a void is final;
 * an older or repeated version changes nothing), opens a visit for a claim that describes one unless the visit
 * (member, provider, day) exists, links further claims of the same visit to it, cancels an undecided visit whose
 * claims no longer describe it, and decides new visits whose member is known. Every table is read and written once
 * per batch.
 */
export class RecordVisitsUseCase {
  private readonly sampling: { readonly seed: string; readonly seedFingerprint: string };

  constructor(
    private readonly decideVisits: DecideVisitsUseCase,
    private readonly options: SurveyOptions,
  ) {
    this.sampling = { seed: options.seed, seedFingerprint: seedFingerprintOf(options.seed) };
  }

  async execute(manager: EntityManager, received: readonly ReceivedEvent[]): Promise<RecordVisitsOutcome> {
    const incoming = received.flatMap((event) =>
      isEventOf(event, ClaimReceived.V1)
        ? [{ event, claim: event.envelope.data.claim, receivedAt: event.envelope.data.receivedAt }]
        : [],
    );
    if (incoming.length === 0) return { events: [], claims: [], visits: [] };
    const memberIds = incoming.map((item) => item.claim.memberId);
    const locked = await lockMembersAndHouseholds(manager, memberIds);
    const members = await loadMembers(manager, memberIds);
    await lockMoreKeys(
      manager,
      locked,
      [...members.values()].map((member) => member.householdId),
    );

    const professional = incoming.filter((item) => item.claim.claimType === 'professional');
    const stored = await findVisitClaims(
      manager,
      professional.map((item) => item.claim.claimId),
    );
    const claimOutcomes: ClaimOutcome[] = [];
    const changedClaims = new Map<string, VisitClaim>();
    const candidates = new Map<string, DecisionItem & { readonly index: number }>();
    const noLongerDescribing: Array<{ visitId: string; reason: string }> = [];
    const describingAgain = new Map<string, ReceivedEvent>();

    for (const [index, { event, claim, receivedAt }] of incoming.entries()) {
      const classification = classifyClaim(claim, this.options.classification);
      if (claim.claimType !== 'professional') {
        claimOutcomes.push(classification.visit ? 'no-office-visit-code' : classification.reason);
        continue;
      }
      const previous = stored.get(claim.claimId);
      if (previous !== undefined && (previous.voided || previous.version >= claim.version)) {
        claimOutcomes.push('stale-version');
        continue;
      }
      let visitId = previous?.visitId ?? null;
      let claimOutcome: ClaimOutcome = classification.visit ? 'same-visit' : classification.reason;
      if (classification.visit && visitId === null) {
        const visit = newVisitOf(claim, classification, receivedAt, this.sampling);
        visitId = visit.visitId;
        if (!candidates.has(visitId)) {
          candidates.set(visitId, { visit, cause: event, index });
          claimOutcome = 'new-visit';
        }
      } else if (classification.visit && visitId !== null) {
        describingAgain.set(visitId, event);
      } else if (!classification.visit && visitId !== null) {
        noLongerDescribing.push({ visitId, reason: classification.reason });
      }
      claimOutcomes.push(claimOutcome);
      const next: VisitClaim = {
        claimId: claim.claimId,
        memberId: claim.memberId,
        version: claim.version,
        voided: claim.frequency === 'void',
        describesVisit: classification.visit,
        visitId,
      };
      stored.set(claim.claimId, next);
      changedClaims.set(claim.claimId, next);
    }

    const existing = await findVisits(manager, [...candidates.keys(), ...describingAgain.keys()]);
    const fresh: DecisionItem[] = [];
    const reopened: DecisionItem[] = [];
    for (const [visitId, item] of candidates) {
      const known = existing.get(visitId);
      if (known === undefined) fresh.push(item);
      else {
        claimOutcomes[item.index] = 'same-visit';
        if (known.status === 'cancelled') reopened.push({ visit: known, cause: item.cause });
      }
    }
    for (const [visitId, cause] of describingAgain) {
      const known = existing.get(visitId);
      if (known?.status === 'cancelled' && !candidates.has(visitId)) reopened.push({ visit: known, cause });
    }

    const outcome = await this.decideVisits.decide(manager, [...fresh, ...reopened], members);
    const decidedById = new Map(outcome.decided.map((visit) => [visit.visitId, visit]));
    await insertVisits(
      manager,
      fresh.map((item) => decidedById.get(item.visit.visitId) ?? item.visit),
    );
    await updateVisitDecisions(
      manager,
      reopened.map(
        (item) =>
          decidedById.get(item.visit.visitId) ?? { ...item.visit, status: 'pending-member', reasons: [] },
      ),
    );
    await saveVisitClaims(manager, [...changedClaims.values()]);
    const cancelled = await cancelVisitsWithoutClaims(manager, noLongerDescribing);
    const reasonOf = new Map(noLongerDescribing.map((item) => [item.visitId, item.reason]));
    return {
      events: outcome.events,
      claims: claimOutcomes,
      visits: [
        ...[...fresh, ...reopened].map((item) => decidedById.get(item.visit.visitId) ?? item.visit),
        ...cancelled.map((visitId) => ({
          status: 'cancelled' as const,
          reasons: [reasonOf.get(visitId) ?? ''],
        })),
      ],
    };
  }
}
