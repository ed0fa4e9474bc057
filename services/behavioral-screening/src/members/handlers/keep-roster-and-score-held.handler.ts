import { MemberEligibilityChanged, CONSUMER_GROUPS, consumerOf } from '@care/contracts';
import { isEventOf, type EventConsumerDefinition } from '@care/messaging';
import type { ScreeningMember } from '../screening-member';

/** What applying the roster to held screenings needs (ScreeningService). */
export interface RosterApplier {
  applyRoster(
    members: readonly ScreeningMember[],
    context: Parameters<EventConsumerDefinition['handle']>[1],
  ): Promise<void>;
}

/**
 * Consumes `member-eligibility-changed`: keeps each member's sex, birth date and date of death (the latest record
 * wins), then scores the screenings that were held until the member was on the roster. The consumer group is
 * `<prefix>behavioral-screening.members`.
 */
export function keepRosterAndScoreHeld(applier: RosterApplier): EventConsumerDefinition {
  return {
    // the consumer group is <prefix><service>.<name>, declared in the catalog
    ...consumerOf(CONSUMER_GROUPS.behavioralScreeningMembers),
    handle: async (events, context) => {
      const latest = new Map<string, ScreeningMember>();
      for (const event of events) {
        if (!isEventOf(event, MemberEligibilityChanged.V1)) continue;
        const record = event.envelope.data.member;
        const updatedAt = new Date(event.envelope.occurredAt).toISOString();
        const before = latest.get(record.memberId);
        if (before !== undefined && before.updatedAt > updatedAt) continue;
        latest.set(record.memberId, {
          memberId: record.memberId,
          sex: record.sex,
          birthDate: record.birthDate,
          deceasedDate: record.deceasedDate ?? null,
          updatedAt,
        });
      }
      await applier.applyRoster([...latest.values()], context);
    },
  };
}
