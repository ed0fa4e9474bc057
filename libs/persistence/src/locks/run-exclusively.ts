import type { DataSource } from 'typeorm';

/**
 * Runs `work` only if no other instance of the service is running the job named `job` (a session advisory lock
 * held on a dedicated connection for the duration); returns undefined when another instance holds it.
 */
export async function runExclusively<T>(
  dataSource: DataSource,
  job: string,
  work: () => Promise<T>,
): Promise<T | undefined> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const rows = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [job])) as Array<{
      locked: boolean;
    }>;
    const row = rows[0];
    if (!(row?.locked)) return undefined;
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [job]);
    }
  } finally {
    await runner.release();
  }
}
