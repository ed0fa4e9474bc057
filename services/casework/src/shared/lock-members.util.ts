import { lockKeys } from '@care/persistence';
import type { EntityManager } from 'typeorm';

/** First key of the advisory locks that serialise casework's changes to one member (second key: hash of the id). */
const MEMBER_LOCK_SPACE = 0x0ca5e;

/**
 * Takes each member's transaction lock: the event consumer, enrollment changes and task completions of one member
 * run one after the other, so an opt-out and a new task can never both miss each other.
 */
export const lockMembers = (manager: EntityManager, memberIds: readonly string[]): Promise<void> =>
  lockKeys(manager, MEMBER_LOCK_SPACE, memberIds);
