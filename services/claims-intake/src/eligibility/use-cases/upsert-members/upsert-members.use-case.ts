import { MemberEligibilityChanged, type MemberRecord } from '@care/contracts';
import type { EventFactory, OutgoingEvent } from '@care/messaging';
import type { EntityManager } from 'typeorm';
import { contentHash } from '../../../intake/persistence/content-hash.util';
import { memberRepository } from '../../persistence/member.repository';

/** added: new to the roster; updated: a field changed; unchanged: same content again (nothing emitted). */
export type MemberUpsertOutcome = {
  readonly memberId: string;
  readonly status: 'added' | 'updated' | 'unchanged';
  readonly changedFields: readonly string[];
};

/**
 * Adds or updates roster entries and stages `member-eligibility-changed` for every real change, in the caller's
 * transaction. A resubmission of the same content is answered `unchanged` and emits nothing. Within one batch,
 * the last record of a member wins.
 */
export class UpsertMembersUseCase {
  constructor(private readonly events: EventFactory) {}

  async execute(
    manager: EntityManager,
    records: readonly MemberRecord[],
  ): Promise<{ outcomes: MemberUpsertOutcome[]; events: OutgoingEvent[] }> {
    const latest = new Map<string, MemberRecord>();
    for (const record of records) latest.set(record.memberId, plain(record));
    const stored = await memberRepository.findForUpdate(manager, [...latest.keys()]);

    const changes: Array<{ record: MemberRecord; contentHash: string }> = [];
    const events: OutgoingEvent[] = [];
    const outcomeById = new Map<string, MemberUpsertOutcome>();
    for (const [memberId, record] of latest) {
      const hash = contentHash(record);
      const previous = stored.get(memberId);
      if (previous !== undefined && previous.contentHash === hash) {
        outcomeById.set(memberId, { memberId, status: 'unchanged', changedFields: [] });
        continue;
      }
      const changedFields = previous === undefined ? [] : changedTopLevelFields(previous.record, record);
      const changeType = previous === undefined ? 'added' : 'updated';
      changes.push({ record, contentHash: hash });
      events.push(
        this.events.create(MemberEligibilityChanged.V1, {
          subject: memberId,
          data: { changeType, member: record, changedFields },
        }),
      );
      outcomeById.set(memberId, { memberId, status: changeType, changedFields });
    }
    await memberRepository.upsert(manager, changes);
    return {
      outcomes: records.map((record) => outcomeById.get(record.memberId) as MemberUpsertOutcome),
      events,
    };
  }
}

/** Names (never values) of the top-level fields whose content differs. */
function changedTopLevelFields(before: MemberRecord, after: MemberRecord): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter(
      (key) =>
        contentHash((before as unknown as Record<string, unknown>)[key]) !==
        contentHash((after as unknown as Record<string, unknown>)[key]),
    )
    .sort();
}

/** A JSON-plain copy (class instances from validation become plain objects, undefined fields dropped). */
function plain(record: MemberRecord): MemberRecord {
  return JSON.parse(JSON.stringify(record)) as MemberRecord;
}
