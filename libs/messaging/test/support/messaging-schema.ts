import {
  createServiceDataSource,
  MessagingDeadLetters1796601600000,
  MessagingInboxApplications1797500000000,
  MessagingTables1732406400000,
  runMigrations,
} from '@care/persistence';
import type { DataSource } from 'typeorm';

/**
 * A data source on `schema` of the run's PostgreSQL with the messaging tables every service has (outbox, inbox,
 * dead letters sent), migrated as a service migrates them: what the messaging library's integration tests run on.
 */
export async function openMessagingSchema(options: {
  readonly databaseUrl: string;
  readonly schema: string;
  readonly applicationName: string;
  readonly poolSize: number;
}): Promise<DataSource> {
  const dataSource = createServiceDataSource({
    url: options.databaseUrl,
    schema: options.schema,
    applicationName: options.applicationName,
    migrations: [
      MessagingTables1732406400000,
      MessagingDeadLetters1796601600000,
      MessagingInboxApplications1797500000000,
    ],
    poolSize: options.poolSize,
  });
  await dataSource.initialize();
  await runMigrations(dataSource, options.schema);
  return dataSource;
}
