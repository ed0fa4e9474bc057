import { loadConfig, setting, type ConfigOf } from '@care/config';
import { OIDC_SETTINGS_SPEC } from '@care/auth';
import { MESSAGING_SETTINGS_SPEC } from '@care/messaging';
import { OBSERVABILITY_SETTINGS_SPEC } from '@care/observability';
import { durationSetting } from './config/duration.setting';

/**
 * Settings of behavioral-screening, read once at start-up; a bad value stops the service naming the variable.
 * Clinical intervals are durations (`90d`, `12h`, `5s`) so tests can shorten them.
 */
export const BEHAVIORAL_SCREENING_CONFIG_SPEC = {
  databaseUrl: setting.postgresUrl('DATABASE_URL', 'PostgreSQL connection URL'),
  port: setting.integer('PORT', 'HTTP port (0 picks a free one)', 3004, { min: 0, max: 65535 }),
  dbPoolSize: setting.integer('DB_POOL_SIZE', 'database connections of this instance', 10, {
    min: 2,
    max: 200,
  }),
  migrate: setting.boolean('RUN_MIGRATIONS', 'apply pending migrations at start-up', true),
  rescreenIntervalMs: durationSetting(
    'RESCREEN_INTERVAL',
    'a case opened or an enrollment requests no screening of an instrument completed (or requested and still open) this recently (0s: always request)',
    '90d',
    { min: '0s', max: '3650d' },
  ),
  screeningDueDays: setting.integer(
    'SCREENING_DUE_DAYS',
    'days after the case opened or the enrollment by which a requested screening is due',
    14,
    { min: 0, max: 365 },
  ),
  phq9FollowUpIntervalMs: durationSetting(
    'PHQ9_FOLLOW_UP_INTERVAL',
    'time after a positive PHQ-9 at which a follow-up PHQ-9 is requested to monitor response',
    '28d',
    { min: '1s', max: '365d' },
  ),
  followUpPollMs: setting.integer(
    'FOLLOW_UP_POLL_MS',
    'how often each instance looks for due follow-ups',
    30000,
    { min: 50, max: 3_600_000 },
  ),
  phq9PositiveCutoff: setting.integer('PHQ9_POSITIVE_CUTOFF', 'PHQ-9 positive at total >= this', 10, {
    min: 1,
    max: 27,
  }),
  phq2PositiveCutoff: setting.integer(
    'PHQ2_POSITIVE_CUTOFF',
    'PHQ-2 positive (full PHQ-9 requested) at total >= this',
    3,
    { min: 1, max: 6 },
  ),
  auditCCutoffMale: setting.integer('AUDIT_C_CUTOFF_MALE', 'AUDIT-C positive at total >= this for men', 4, {
    min: 1,
    max: 12,
  }),
  auditCCutoffFemale: setting.integer(
    'AUDIT_C_CUTOFF_FEMALE',
    'AUDIT-C positive at total >= this for women',
    3,
    { min: 1, max: 12 },
  ),
  auditCCutoffOther: setting.integer(
    'AUDIT_C_CUTOFF_OTHER',
    'AUDIT-C positive at total >= this for other or unknown sex',
    3,
    { min: 1, max: 12 },
  ),
  ...MESSAGING_SETTINGS_SPEC,
  ...OBSERVABILITY_SETTINGS_SPEC,
  ...OIDC_SETTINGS_SPEC,
};

export type BehavioralScreeningConfig = ConfigOf<typeof BEHAVIORAL_SCREENING_CONFIG_SPEC>;

export const loadBehavioralScreeningConfig = (
  env: NodeJS.ProcessEnv = process.env,
): BehavioralScreeningConfig => loadConfig(BEHAVIORAL_SCREENING_CONFIG_SPEC, env);

/** The Postgres schema behavioral-screening owns. */
export const BEHAVIORAL_SCREENING_SCHEMA = 'behavioral_screening';
export const SERVICE_NAME = 'behavioral-screening';

/** Contract schemas shown as OpenAPI components at /docs (the events this service produces). */
export const BEHAVIORAL_SCREENING_JSON_SCHEMAS = ['screening-completed.v1', 'screening-requested.v1'] as const;
