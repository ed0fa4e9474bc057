import { loadConfig, setting, type ConfigOf } from '@care/config';
import { OIDC_SETTINGS_SPEC } from '@care/auth';
import { MESSAGING_SETTINGS_SPEC } from '@care/messaging';
import { OBSERVABILITY_SETTINGS_SPEC } from '@care/observability';

const HOUR_MS = 60 * 60 * 1000;

/** Settings of condition-identification, read once at start-up; a bad value stops the service naming the variable. */
export const CONDITION_IDENTIFICATION_CONFIG_SPEC = {
  databaseUrl: setting.postgresUrl('DATABASE_URL', 'PostgreSQL connection URL'),
  port: setting.integer('PORT', 'HTTP port (0 picks a free one)', 3002, { min: 0, max: 65535 }),
  dbPoolSize: setting.integer('DB_POOL_SIZE', 'database connections of this instance', 10, {
    min: 2,
    max: 200,
  }),
  migrate: setting.boolean('RUN_MIGRATIONS', 'apply pending migrations at start-up', true),
  reevaluationIntervalMs: setting.integer(
    'REEVALUATION_INTERVAL_MS',
    'how often to look for members whose evidence ages out of a reference period (the check is cheap when none is due)',
    HOUR_MS,
    { min: 1000, max: 24 * HOUR_MS },
  ),
  reevaluationPageSize: setting.integer(
    'REEVALUATION_PAGE_SIZE',
    'members re-evaluated per transaction by the daily re-evaluation and by re-runs',
    500,
    { min: 1, max: 10000 },
  ),
  rerunOnRuleChange: setting.boolean(
    'RERUN_ON_RULE_CHANGE',
    're-run identification for everyone when the rule versions differ from the last start',
    true,
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

export type ConditionIdentificationConfig = ConfigOf<typeof CONDITION_IDENTIFICATION_CONFIG_SPEC>;

export const loadConditionIdentificationConfig = (
  env: NodeJS.ProcessEnv = process.env,
): ConditionIdentificationConfig => loadConfig(CONDITION_IDENTIFICATION_CONFIG_SPEC, env);

/** The Postgres schema condition-identification owns. */
export const CONDITION_IDENTIFICATION_SCHEMA = 'condition_identification';
export const SERVICE_NAME = 'condition-identification';

/** Contract schemas shown as OpenAPI components at /docs. */
export const CONDITION_IDENTIFICATION_JSON_SCHEMAS = [
  'member-identified.v1',
  'member-identification-retracted.v1',
  'assessment-completed.v1',
] as const;
