import { Inject, Injectable } from '@nestjs/common';
import type { MemberRecord } from '@care/contracts';
import { MessagingRuntime, stageEvents } from '@care/messaging';
import { DataSource } from 'typeorm';
import {
  UpsertMembersUseCase,
  type MemberUpsertOutcome,
} from './use-cases/upsert-members/upsert-members.use-case';

/** Runs roster updates in their own transaction, then wakes the outbox relay. */
@Injectable()
export class MemberRosterService {
  private readonly useCase: UpsertMembersUseCase;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
  ) {
    this.useCase = new UpsertMembersUseCase(messaging.events);
  }

  async upsert(records: readonly MemberRecord[]): Promise<MemberUpsertOutcome[]> {
    if (records.length === 0) return [];
    const { outcomes, events } = await this.dataSource.transaction(async (manager) => {
      const result = await this.useCase.execute(manager, records);
      await stageEvents(manager, result.events);
      return result;
    });
    if (events.length > 0) this.messaging.published();
    return outcomes;
  }
}
