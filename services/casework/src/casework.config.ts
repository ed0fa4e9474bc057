import { OIDC_SETTINGS_SPEC } from '@care/auth';
import { loadConfig, setting, type ConfigOf, type SettingSpec } from '@care/config';
import { MESSAGING_SETTINGS_SPEC } from '@care/messaging';
import { OBSERVABILITY_SETTINGS_SPEC } from '@care/observability';
import { parseHolidays } from './calendar/business-calendar';

/** Business hours a task kind is due in: a positive number of hours, fractions allowed to the minute. */
function businessHoursSetting(variable: string, description: string, defaultValue: number): SettingSpec<number> {
  return {
    variable,
    description,
    default: defaultValue,
    parse: (raw) => {
      if (!/^\d{1,4}(\.\d{1,2})?$/.test(raw)) return { failure: 'must be a number of business hours such as 4 or 1.5' };
      const hours = Number(raw);
      return hours > 0 && hours <= 1000 ? hours : { failure: 'must be more than 0 and at most 1000' };
    },
  };
}

/** The configured holidays (none by default: a deployment lists its own, e.g. `2026-11-26,2026-12-25`). */
function holidaysSetting(): SettingSpec<string[]> {
  return {
    variable: 'CASEWORK_HOLIDAYS',
    description: 'days off of coaches and advocates, comma-separated ISO dates (Eastern local days)',
    default: [],
    parse: parseHolidays,
  };
}

/** Settings of casework, read once at start-up; a bad value stops the service naming the variable. */
export const CASEWORK_CONFIG_SPEC = {
  databaseUrl: setting.postgresUrl('DATABASE_URL', 'PostgreSQL connection URL'),
  port: setting.integer('PORT', 'HTTP port (0 picks a free one)', 3006, { min: 0, max: 65535 }),
  dbPoolSize: setting.integer('DB_POOL_SIZE', 'database connections of this instance', 10, { min: 2, max: 200 }),
  migrate: setting.boolean('RUN_MIGRATIONS', 'apply pending migrations at start-up', true),
  holidays: holidaysSetting(),
  careProgramId: setting.string(
    'CARE_PROGRAM_ID',
    'program whose opted-out or declined members get no outreach tasks (and which task outcomes enroll in)',
    'chronic-condition-management',
  ),
  urgentDueHours: businessHoursSetting(
    'TASK_URGENT_DUE_BUSINESS_HOURS',
    'business hours to reach a member whose screening carries the safety flag (PHQ-9 item 9 above 0)',
    4,
  ),
  followUpDueHours: businessHoursSetting(
    'TASK_FOLLOW_UP_DUE_BUSINESS_HOURS',
    'business hours to follow up a positive screening without the safety flag',
    12,
  ),
  welcomeDueHours: businessHoursSetting(
    'TASK_WELCOME_DUE_BUSINESS_HOURS',
    'business hours to make the welcome outreach to a newly identified member',
    24,
  ),
  gapDueHours: businessHoursSetting(
    'TASK_GAP_DUE_BUSINESS_HOURS',
    'business hours to make the outreach for a care gap',
    36,
  ),
  ...OIDC_SETTINGS_SPEC,
  ...MESSAGING_SETTINGS_SPEC,
  ...OBSERVABILITY_SETTINGS_SPEC,
};

export type CaseworkConfig = ConfigOf<typeof CASEWORK_CONFIG_SPEC>;

export const loadCaseworkConfig = (env: NodeJS.ProcessEnv = process.env): CaseworkConfig =>
  loadConfig(CASEWORK_CONFIG_SPEC, env);

/** The Postgres schema casework owns. */
export const CASEWORK_SCHEMA = 'casework';
export const SERVICE_NAME = 'casework';

/** Contract schemas shown as OpenAPI components at /docs. */
export const CASEWORK_JSON_SCHEMAS = ['program-enrollment-changed.v1', 'case-opened.v1'] as const;
