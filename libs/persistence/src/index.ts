export * from './data-source/create-data-source';
export * from './data-source/run-migrations';
export * from './migrations/messaging-tables.migration';
export * from './errors/is-transient-database-error';
export * from './nest/persistence.module';
export * from './locks/run-exclusively';
export * from './locks/lock-keys';
export * from './locks/paged-work';
