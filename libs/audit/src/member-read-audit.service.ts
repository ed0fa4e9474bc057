import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AccessRefusal, AccessRefusalRecorder } from '@care/auth';
import { CLOCK, type Clock } from '@care/observability';
import { DataSource, type EntityManager } from 'typeorm';
import {
  findReads,
  recordReads,
  type AuditTrailEntry,
  type AuditTrailFilter,
  type ReadContext,
  type ReadRecord,
} from './audit-trail';
import { defaultPurposeOf, PURPOSES_OF_USE } from './purpose-of-use';

/**
 * Every read of member data goes through here, so none escapes the audit trail: an allowed read writes its entries
 * in the transaction that loads the data (no entry, no data); a refused one writes a `denied` entry before the
 * refusal is answered. Also the access guard's refusal recorder (a verified caller without the role or scope of a
 * member-data route).
 */
@Injectable()
export class MemberReadAudit implements AccessRefusalRecorder {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Loads the data and records the reads in one transaction. `reads` may depend on the result (a list records one
   * entry per member it returns).
   */
  allowed<T>(
    context: ReadContext,
    reads: readonly ReadRecord[] | ((result: T) => readonly ReadRecord[]),
    load: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const result = await load(manager);
      await recordReads(
        manager,
        context,
        typeof reads === 'function' ? reads(result) : reads,
        'allowed',
        this.clock.now(),
      );
      return result;
    });
  }

  /** Records a refused read (committed on its own, before the caller's refusal is answered). */
  async denied(context: ReadContext, read: ReadRecord): Promise<void> {
    await recordReads(this.dataSource.manager, context, [read], 'denied', this.clock.now());
  }

  /**
   * Records a refused read and answers 404 naming only the kind of resource: for a caller who may not know whether
   * the resource exists (a provider asking for another practice's member), a refusal looks like absence.
   */
  async deniedAsNotFound(context: ReadContext, read: ReadRecord, what: string): Promise<never> {
    await this.denied(context, read);
    throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: `${what} not found` });
  }

  async recordRefusal(refusal: AccessRefusal): Promise<void> {
    const purpose =
      PURPOSES_OF_USE.find((candidate) => candidate === refusal.purposeHeader) ??
      defaultPurposeOf(refusal.caller);
    const memberId = refusal.params['memberId'] ?? null;
    await this.denied(
      { caller: refusal.caller, purpose, route: refusal.route },
      {
        action: `access.${refusal.code}`,
        resourceType: memberId === null ? 'route' : 'member',
        resourceId: memberId ?? refusal.route,
        memberId,
      },
    );
  }

  list(filter: AuditTrailFilter): Promise<AuditTrailEntry[]> {
    return findReads(this.dataSource.manager, filter);
  }
}
