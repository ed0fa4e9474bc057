import { randomUUID } from 'node:crypto';
import { ClaimReceived, normalizeClaim, type ClaimSubmission, type IntakeChannel } from '@care/contracts';
import { EventFactory, type OutgoingEvent, type ReceivedEvent } from '@care/messaging';
import { TimeSlices } from '@care/observability';
import type { EntityManager } from 'typeorm';
import { claimRepository, type ClaimToStore } from '../../persistence/claim.repository';
import { contentHash } from '../../persistence/content-hash.util';

/**
 * The outcome for one submitted claim:
 * - accepted: stored now, `claim-received` staged;
 * - duplicate: this (claim id, version) was already received with the same content; the first result is returned
 *   and nothing is emitted;
 * - conflict: already received with different content; nothing is stored or emitted (HTTP 409, dead letter on Kafka).
 */
export type ClaimIntakeOutcome =
  | {
      readonly status: 'accepted' | 'duplicate';
      readonly claimId: string;
      readonly version: number;
      readonly eventId: string;
      readonly receivedAt: string;
    }
  | { readonly status: 'conflict'; readonly claimId: string; readonly version: number };

/**
 * Stores validated claims and stages one `claim-received` per new (claim id, version), inside the caller's
 * transaction, so the claim and its event commit together. Works a batch at a time: a fixed number of statements
 * per call, whatever the batch size.
 */
export class IntakeClaimsUseCase {
  constructor(private readonly events: EventFactory) {}

  /**
   * `causes[i]`, when given, is the event that carried `submissions[i]` (a `claims-inbound` message): its id becomes
   * the causation id of the `claim-received`, and its trace context and origin time carry on.
   */
  async execute(
    manager: EntityManager,
    submissions: readonly ClaimSubmission[],
    channel: IntakeChannel,
    causes: readonly ReceivedEvent[] = [],
  ): Promise<{ outcomes: ClaimIntakeOutcome[]; events: OutgoingEvent[] }> {
    const receivedAt = new Date().toISOString();
    // Normalizing and hashing a claim of 999 lines takes tens of milliseconds: a large batch yields in between.
    const slices = new TimeSlices();
    const entries: ClaimToStore[] = [];
    for (const submission of submissions) {
      await slices.maybeYield();
      const claim = normalizeClaim(submission);
      entries.push({
        claim,
        contentHash: contentHash(claim),
        eventId: randomUUID(),
        intakeChannel: channel,
        receivedAt,
      });
    }
    const causeOf = new Map(entries.map((entry, index) => [entry, causes[index]]));

    // Within one batch, the first occurrence of a (claim id, version) is the one that is stored.
    const firstByKey = new Map<string, ClaimToStore>();
    for (const entry of entries) {
      const key = claimRepository.keyOf(entry.claim.claimId, entry.claim.version);
      if (!firstByKey.has(key)) firstByKey.set(key, entry);
    }
    const candidates = [...firstByKey.values()];
    const inserted = await claimRepository.insertNew(manager, candidates);
    const previouslyStored = await claimRepository.findVersions(
      manager,
      candidates
        .filter((entry) => !inserted.has(claimRepository.keyOf(entry.claim.claimId, entry.claim.version)))
        .map((entry) => entry.claim),
    );

    const events: OutgoingEvent[] = [];
    const outcomes = entries.map((entry): ClaimIntakeOutcome => {
      const { claimId, version } = entry.claim;
      const key = claimRepository.keyOf(claimId, version);
      const first = firstByKey.get(key) as ClaimToStore;
      if (inserted.has(key) && first === entry) {
        events.push(
          this.events.create(ClaimReceived.V1, {
            id: entry.eventId,
            subject: entry.claim.memberId,
            correlationId: claimId,
            occurredAt: receivedAt,
            causedBy: causeOf.get(entry),
            data: { claim: entry.claim, intakeChannel: channel, receivedAt },
          }),
        );
        return { status: 'accepted', claimId, version, eventId: entry.eventId, receivedAt };
      }
      const stored = inserted.has(key)
        ? { contentHash: first.contentHash, eventId: first.eventId, receivedAt: first.receivedAt }
        : previouslyStored.get(key);
      if (stored === undefined)
        throw new Error(`claim ${claimId} version ${version} neither inserted nor found`);
      return stored.contentHash === entry.contentHash
        ? { status: 'duplicate', claimId, version, eventId: stored.eventId, receivedAt: stored.receivedAt }
        : { status: 'conflict', claimId, version };
    });
    return { outcomes, events };
  }
}
