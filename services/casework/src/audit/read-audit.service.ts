import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@care/observability';
import { DataSource, type EntityManager } from 'typeorm';
import type { CaseworkCaller } from '../shared/access-policy';
import { CaseworkException } from '../shared/casework.exception';
import { findReads, recordReads, type PurposeOfUse, type ReadAuditEntry, type ReadRecord } from './read-audit';

/**
 * Reads of member data go through here so none escapes the audit log: an allowed read writes its entries in the
 * transaction that loads the data (no entry, no data); a refused one writes a `denied` entry and then answers 403.
 */
@Injectable()
export class ReadAuditService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Records the reads and loads the data in one transaction. */
  allowed<T>(
    caller: CaseworkCaller,
    purpose: PurposeOfUse,
    reads: readonly ReadRecord[] | ((result: T) => readonly ReadRecord[]),
    load: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const result = await load(manager);
      await recordReads(manager, caller, typeof reads === 'function' ? reads(result) : reads, purpose, 'allowed', this.clock.now());
      return result;
    });
  }

  /** Records a refused read, then throws the 403 naming only the queue. */
  async denied(caller: CaseworkCaller, purpose: PurposeOfUse, read: ReadRecord, queue: string): Promise<never> {
    await recordReads(this.dataSource.manager, caller, [read], purpose, 'denied', this.clock.now());
    throw new CaseworkException('queue-forbidden', `${read.resourceType} ${read.resourceId} is in queue ${queue}, which is not one of yours`);
  }

  list(filter: { memberId?: string; actor?: string; afterEntryId?: string; limit: number }): Promise<ReadAuditEntry[]> {
    return findReads(this.dataSource.manager, filter);
  }
}
