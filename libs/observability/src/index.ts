export * from './logging/create-logger';
export * from './observability.module';
export * from './health/readiness-registry';
export * from './health/health.controller';
export * from './metrics/metrics.controller';
export * from './http/validation-exception.factory';
export * from './http/bootstrap-service';
export * from './http/json-schema-components';
