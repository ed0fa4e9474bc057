import { loadConfig, setting, type ConfigOf } from '@care/config';
import { OIDC_SETTINGS_SPEC } from '@care/auth';
import { MESSAGING_SETTINGS_SPEC } from '@care/messaging';
import { OBSERVABILITY_SETTINGS_SPEC } from '@care/observability';

/** Settings of claims-intake, read once at start-up; a bad value stops the service naming the variable. */
export const CLAIMS_INTAKE_CONFIG_SPEC = {
  databaseUrl: setting.postgresUrl('DATABASE_URL', 'PostgreSQL connection URL'),
  port: setting.integer('PORT', 'HTTP port (0 picks a free one)', 3001, { min: 0, max: 65535 }),
  dbPoolSize: setting.integer('DB_POOL_SIZE', 'database connections of this instance', 10, {
    min: 2,
    max: 200,
  }),
  migrate: setting.boolean('RUN_MIGRATIONS', 'apply pending migrations at start-up', true),
  ...MESSAGING_SETTINGS_SPEC,
  ...OBSERVABILITY_SETTINGS_SPEC,
  ...OIDC_SETTINGS_SPEC,
};

export type ClaimsIntakeConfig = ConfigOf<typeof CLAIMS_INTAKE_CONFIG_SPEC>;

export const loadClaimsIntakeConfig = (env: NodeJS.ProcessEnv = process.env): ClaimsIntakeConfig =>
  loadConfig(CLAIMS_INTAKE_CONFIG_SPEC, env);

/** The Postgres schema claims-intake owns. */
export const CLAIMS_INTAKE_SCHEMA = 'claims_intake';
export const SERVICE_NAME = 'claims-intake';

/** Contract schemas shown as OpenAPI components at /docs (ClaimSubmission, MemberRecord and their parts). */
export const CLAIMS_INTAKE_JSON_SCHEMAS = ['claims-inbound.v1', 'member-record'] as const;
