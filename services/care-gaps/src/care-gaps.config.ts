import { loadConfig, setting, type ConfigOf } from '@care/config';
import { OIDC_SETTINGS_SPEC } from '@care/auth';
import { MESSAGING_SETTINGS_SPEC } from '@care/messaging';
import { OBSERVABILITY_SETTINGS_SPEC } from '@care/observability';

const HOUR_MS = 60 * 60 * 1000;

/** Settings of care-gaps, read once at start-up; a bad value stops the service naming the variable. */
export const CARE_GAPS_CONFIG_SPEC = {
  databaseUrl: setting.postgresUrl('DATABASE_URL', 'PostgreSQL connection URL'),
  port: setting.integer('PORT', 'HTTP port (0 picks a free one)', 3003, { min: 0, max: 65535 }),
  dbPoolSize: setting.integer('DB_POOL_SIZE', 'database connections of this instance', 10, {
    min: 2,
    max: 200,
  }),
  migrate: setting.boolean('RUN_MIGRATIONS', 'apply pending migrations at start-up', true),
  reviewIntervalMs: setting.integer(
    'GAP_REVIEW_INTERVAL_MS',
    'how often to look for members whose gaps may change with time (cheap when none is due)',
    HOUR_MS,
    { min: 1000, max: 24 * HOUR_MS },
  ),
  reviewPageSize: setting.integer(
    'GAP_REVIEW_PAGE_SIZE',
    'members re-evaluated per transaction by the daily review',
    500,
    {
      min: 1,
      max: 10000,
    },
  ),
  alertSuppressionDays: setting.integer(
    'ALERT_SUPPRESSION_DAYS',
    'an alert for the same member, rule and audience within this many days is suppressed',
    30,
    { min: 0, max: 365 },
  ),
  careProgramId: setting.string(
    'CARE_PROGRAM_ID',
    'program whose declined, opted-out or unenrolled members get no care alerts',
    'chronic-condition-management',
  ),
  codesetsDir: setting.optional(
    setting.string(
      'CODESETS_DIR',
      'directory of the loaded code set release (npm run codesets -- load); unset: the built-in code sets',
    ),
  ),
  ...MESSAGING_SETTINGS_SPEC,
  ...OBSERVABILITY_SETTINGS_SPEC,
  ...OIDC_SETTINGS_SPEC,
};

export type CareGapsConfig = ConfigOf<typeof CARE_GAPS_CONFIG_SPEC>;

export const loadCareGapsConfig = (env: NodeJS.ProcessEnv = process.env): CareGapsConfig =>
  loadConfig(CARE_GAPS_CONFIG_SPEC, env);

/** The Postgres schema care-gaps owns. */
export const CARE_GAPS_SCHEMA = 'care_gaps';
export const SERVICE_NAME = 'care-gaps';

/** Contract schemas shown as OpenAPI components at /docs. */
export const CARE_GAPS_JSON_SCHEMAS = [
  'care-gap-detected.v1',
  'care-gap-closed.v1',
  'care-alert-issued.v1',
] as const;
