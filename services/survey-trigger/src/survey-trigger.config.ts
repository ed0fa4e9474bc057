import { loadConfig, setting, type ConfigOf } from '@care/config';
import { OIDC_SETTINGS_SPEC } from '@care/auth';
import { MESSAGING_SETTINGS_SPEC } from '@care/messaging';
import { OBSERVABILITY_SETTINGS_SPEC } from '@care/observability';
import { fractionSetting } from './config/fraction.setting';

/** Settings of survey-trigger, read once at start-up; a bad value stops the service naming the variable. */
export const SURVEY_TRIGGER_CONFIG_SPEC = {
  databaseUrl: setting.postgresUrl('DATABASE_URL', 'PostgreSQL connection URL'),
  port: setting.integer('PORT', 'HTTP port (0 picks a free one)', 3005, { min: 0, max: 65535 }),
  dbPoolSize: setting.integer('DB_POOL_SIZE', 'database connections of this instance', 10, {
    min: 2,
    max: 200,
  }),
  migrate: setting.boolean('RUN_MIGRATIONS', 'apply pending migrations at start-up', true),
  samplingRate: fractionSetting(
    'SURVEY_SAMPLING_RATE',
    'fraction of eligible visits selected for a survey (0 to 1)',
    0.25,
  ),
  seed: setting.string(
    'SURVEY_SEED',
    'secret seed of the random selection: the same seed makes the same selection; set your own in production',
    'care-platform-surveys',
  ),
  quietPeriodDays: setting.integer(
    'SURVEY_QUIET_PERIOD_DAYS',
    'days that must separate two surveys of one member (and of one household with SURVEY_ONE_PER_HOUSEHOLD)',
    90,
    { min: 0, max: 3650 },
  ),
  maxVisitAgeDays: setting.integer(
    'SURVEY_MAX_VISIT_AGE_DAYS',
    'visits older than this on the day their claim arrives are not surveyed',
    180,
    { min: 0, max: 3650 },
  ),
  oneSurveyPerHousehold: setting.boolean(
    'SURVEY_ONE_PER_HOUSEHOLD',
    'at most one member of a household (subscriber) surveyed within the quiet period (CG-CAHPS)',
    true,
  ),
  includeNurseVisits: setting.boolean('SURVEY_INCLUDE_NURSE_VISITS', 'count 99211 visits', false),
  includeTelehealth: setting.boolean('SURVEY_INCLUDE_TELEHEALTH', 'count telehealth visits', false),
  minResponses: setting.integer(
    'SURVEY_MIN_RESPONSES',
    'fewest responses for which provider scores are shown (fewer are suppressed)',
    30,
    { min: 1, max: 100000 },
  ),
  ...MESSAGING_SETTINGS_SPEC,
  ...OBSERVABILITY_SETTINGS_SPEC,
  ...OIDC_SETTINGS_SPEC,
};

export type SurveyTriggerConfig = ConfigOf<typeof SURVEY_TRIGGER_CONFIG_SPEC>;

export const loadSurveyTriggerConfig = (env: NodeJS.ProcessEnv = process.env): SurveyTriggerConfig =>
  loadConfig(SURVEY_TRIGGER_CONFIG_SPEC, env);

/** The Postgres schema survey-trigger owns. */
export const SURVEY_TRIGGER_SCHEMA = 'survey_trigger';
export const SERVICE_NAME = 'survey-trigger';

/** Contract schemas shown as OpenAPI components at /docs. */
export const SURVEY_TRIGGER_JSON_SCHEMAS = [
  'survey-triggered.v1',
  'claim-received.v1',
  'member-eligibility-changed.v1',
] as const;
