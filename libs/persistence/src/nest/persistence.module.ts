import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createServiceDataSource, type ServiceDataSourceOptions } from '../data-source/create-data-source';
import { runMigrations } from '../data-source/run-migrations';

export interface PersistenceModuleOptions extends Omit<ServiceDataSourceOptions, 'url'> {
  readonly url: string;
  /** Apply pending migrations at start-up (default true; production may run them as a separate job). */
  readonly migrate?: boolean;
}

const PERSISTENCE_OPTIONS = Symbol('PERSISTENCE_OPTIONS');

class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** Provides the service's TypeORM DataSource (injected as `DataSource`), migrated before the app starts. */
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceModuleOptions): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [
        { provide: PERSISTENCE_OPTIONS, useValue: options },
        {
          provide: DataSource,
          inject: [PERSISTENCE_OPTIONS],
          useFactory: async (moduleOptions: PersistenceModuleOptions): Promise<DataSource> => {
            const dataSource = createServiceDataSource(moduleOptions);
            await dataSource.initialize();
            if (moduleOptions.migrate !== false) await runMigrations(dataSource, moduleOptions.schema);
            return dataSource;
          },
        },
        DataSourceCloser,
      ],
      exports: [DataSource],
    };
  }
}
