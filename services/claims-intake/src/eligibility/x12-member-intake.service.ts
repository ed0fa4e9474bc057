import { Inject, Injectable } from '@nestjs/common';
import { MemberRecord, validateSubmission } from '@care/contracts';
import { MessagingRuntime, stageEvents } from '@care/messaging';
import { DataSource } from 'typeorm';
import { placeIssues } from '../files/x12/mapping/field-sources';
import type { MemberChangeOutcome, Members834Intake } from '../files/x12/members-834/import-members-834';
import type { MemberChange834 } from '../files/x12/members-834/member-834.mapper';
import { mergeMember } from '../files/x12/members-834/merge-member';
import { X12InterchangeRepository } from '../files/x12/intake/x12-interchange.repository';
import { memberRepository } from './persistence/member.repository';
import { UpsertMembersUseCase } from './use-cases/upsert-members/upsert-members.use-case';

/**
 * Member changes of an 834 onto the roster, in one transaction per batch: the members' records are locked, each
 * change merged with its member's record, validated exactly as POST /v1/members validates, and the valid ones
 * upserted by the same use case (member-eligibility-changed for real changes).
 */
@Injectable()
export class X12MemberIntakeService implements Members834Intake {
  readonly interchanges: X12InterchangeRepository;
  private readonly useCase: UpsertMembersUseCase;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
  ) {
    this.interchanges = new X12InterchangeRepository(dataSource);
    this.useCase = new UpsertMembersUseCase(messaging.events);
  }

  async apply(changes: readonly MemberChange834[]): Promise<MemberChangeOutcome[]> {
    if (changes.length === 0) return [];
    const { outcomes, events } = await this.dataSource.transaction(async (manager) => {
      const ids = [
        ...new Set(changes.flatMap((change) => (change.memberId === undefined ? [] : [change.memberId]))),
      ];
      const stored = await memberRepository.findForUpdate(manager, ids);
      // Changes of one member in one batch apply in file order, each on the record the one before left.
      const current = new Map([...stored].map(([id, member]) => [id, member.record]));
      const results: Array<MemberChangeOutcome | { record: MemberRecord }> = changes.map((change) => {
        const merged = mergeMember(
          change,
          change.memberId === undefined ? undefined : current.get(change.memberId),
        );
        if ('problem' in merged) {
          return {
            status: 'invalid' as const,
            issues: [{ field: 'memberId', messages: [merged.problem], source: change.memberSource }],
          };
        }
        const validation = validateSubmission(MemberRecord, merged.record, { forbidUnknownFields: true });
        if (!validation.ok) {
          return {
            status: 'invalid' as const,
            issues: placeIssues(validation.issues, [], change.sources, change.memberSource),
          };
        }
        current.set(validation.value.memberId, validation.value);
        return { record: validation.value };
      });
      const records = results.flatMap((result) => ('record' in result ? [result.record] : []));
      const upserted = await this.useCase.execute(manager, records);
      await stageEvents(manager, upserted.events);
      const byRecord = new Map(records.map((record, index) => [record, upserted.outcomes[index]]));
      return {
        events: upserted.events,
        outcomes: results.map((result): MemberChangeOutcome => {
          if (!('record' in result)) return result;
          const outcome = byRecord.get(result.record);
          return { status: outcome?.status ?? 'unchanged' };
        }),
      };
    });
    if (events.length > 0) this.messaging.published();
    return outcomes;
  }
}
