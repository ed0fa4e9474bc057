import { MemberEligibilityChanged } from '@care/contracts';
import { isEventOf, type OutgoingEvent, type ReceivedEvent } from '@care/messaging';
import type { EntityManager } from 'typeorm';
import { lockMembersAndHouseholds, lockMoreKeys } from '../../../shared/lock-households.util';
import { findPendingVisits, updateVisitDecisions } from '../../../visits/persistence/visit.repository';
import type { DecideVisitsUseCase } from '../../../visits/use-cases/decide-visits/decide-visits.use-case';
import type { VisitRecord } from '../../../visits/visit.types';
import { memberFactsOf, type StoredMember } from '../../member-facts';
import { loadMembers, saveMembers } from '../../persistence/member-facts.repository';

export interface RecordMembersOutcome {
  readonly events: OutgoingEvent[];
  readonly members: number;
  /** Visits that were waiting for these members and are now decided. */
  readonly visits: ReadonlyArray<Pick<VisitRecord, 'status' | 'reasons'>>;
}

/**
 * Applies a batch of `member-eligibility-changed` events: keeps the decision facts of each member (the latest record
 * wins; one older than the stored one changes nothing), then decides the visits that were waiting for the member.
 * Later changes (an opt-out, a death) apply to visits decided from then on; decided visits are never revisited.
 */
export class RecordMembersUseCase {
  constructor(private readonly decideVisits: DecideVisitsUseCase) {}

  async execute(manager: EntityManager, received: readonly ReceivedEvent[]): Promise<RecordMembersOutcome> {
    const incoming = received.flatMap((event) =>
      isEventOf(event, MemberEligibilityChanged.V1) ? [{ event, record: event.envelope.data.member }] : [],
    );
    if (incoming.length === 0) return { events: [], members: 0, visits: [] };
    const memberIds = incoming.map((item) => item.record.memberId);
    const locked = await lockMembersAndHouseholds(
      manager,
      memberIds,
      incoming.map((item) => item.record.subscriberId),
    );
    const stored = await loadMembers(manager, memberIds);
    await lockMoreKeys(
      manager,
      locked,
      [...stored.values()].map((member) => member.householdId),
    );

    const latest = new Map<string, { member: StoredMember; cause: ReceivedEvent }>();
    for (const { event, record } of incoming) {
      const publishedAt = new Date(event.envelope.occurredAt).toISOString();
      const before = latest.get(record.memberId)?.member ?? stored.get(record.memberId);
      if (before !== undefined && Date.parse(before.updatedAt) > Date.parse(publishedAt)) continue;
      latest.set(record.memberId, {
        member: {
          memberId: record.memberId,
          ...memberFactsOf(record),
          knownSince: before?.knownSince ?? publishedAt,
          updatedAt: publishedAt,
        },
        cause: event,
      });
    }
    await saveMembers(
      manager,
      [...latest.values()].map((item) => item.member),
    );

    const pending = await findPendingVisits(manager, [...latest.keys()]);
    const outcome = await this.decideVisits.decide(
      manager,
      pending.flatMap((visit) => {
        const cause = latest.get(visit.memberId)?.cause;
        return cause === undefined ? [] : [{ visit, cause }];
      }),
      new Map([...latest].map(([memberId, item]) => [memberId, item.member])),
    );
    await updateVisitDecisions(manager, outcome.decided);
    return { events: outcome.events, members: latest.size, visits: outcome.decided };
  }
}
