import { lockKeys } from '@care/persistence';
import type { EntityManager } from 'typeorm';

/** Advisory-lock class of this service's per-member locks (first key of pg_advisory_xact_lock(int, int)). */
const MEMBER_LOCK_CLASS = 604_001;

/**
 * Serializes work on the same members across transactions (consumers of different topics, HTTP submissions):
 * transaction-scoped advisory locks taken in sorted order (see lockKeys in libs/persistence).
 */
export const lockMembers = (manager: EntityManager, memberIds: readonly string[]): Promise<void> =>
  lockKeys(manager, MEMBER_LOCK_CLASS, memberIds);
