import type { DataSource, EntityManager } from 'typeorm';

/**
 * Works through keys in key order, one page per transaction (keyset paging: each page starts after the last key of
 * the previous one, so a key whose work leaves it selectable is not taken again in the same pass). `selectPage`
 * returns the next keys after `cursor` (at most `pageSize`, sorted); `apply` does the work inside the page's
 * transaction; `afterCommit` sees each committed page's result. Returns how many keys were worked on.
 */
export async function forEachKeyPage<T>(
  dataSource: DataSource,
  pageSize: number,
  selectPage: (manager: EntityManager, cursor: string, limit: number) => Promise<string[]>,
  apply: (manager: EntityManager, keys: readonly string[]) => Promise<T>,
  afterCommit: (result: T) => void,
): Promise<number> {
  let cursor = '';
  let total = 0;
  for (;;) {
    const page = await dataSource.transaction(async (manager) => {
      const keys = await selectPage(manager, cursor, pageSize);
      if (keys.length === 0) return null;
      return { last: keys[keys.length - 1] ?? cursor, count: keys.length, result: await apply(manager, keys) };
    });
    if (page === null) return total;
    cursor = page.last;
    total += page.count;
    afterCommit(page.result);
  }
}

/** Deletes in chunks of `chunk` rows, one short transaction each, until a chunk comes back short; returns the total. */
export async function deleteInChunks(
  dataSource: DataSource,
  chunk: number,
  deleteChunk: (manager: EntityManager, limit: number) => Promise<number>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await dataSource.transaction((manager) => deleteChunk(manager, chunk));
    total += deleted;
    if (deleted < chunk) return total;
  }
}
