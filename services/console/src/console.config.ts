import { randomBytes } from 'node:crypto';
import { OIDC_SETTINGS_SPEC } from '@care/auth';
import { loadConfig, setting, type ConfigOf, type SettingSpec } from '@care/config';
import { OBSERVABILITY_SETTINGS_SPEC } from '@care/observability';

export const SERVICE_NAME = 'console';
/** The console's own schema: its sessions, nothing else (member data stays with the services that own it). */
export const CONSOLE_SCHEMA = 'console';

/** A session secret: at least 32 characters; unset outside production, a random one per process. */
function sessionSecretSetting(): SettingSpec<string> {
  return {
    variable: 'CONSOLE_SESSION_SECRET',
    description:
      'secret that signs the session cookie (at least 32 characters; required when NODE_ENV=production; unset elsewhere: a random one per start, so a restart signs everyone out)',
    ...(process.env['NODE_ENV'] === 'production' ? {} : { default: randomBytes(32).toString('base64url') }),
    parse: (raw) => (raw.length >= 32 ? raw : { failure: 'must be at least 32 characters' }),
  };
}

const serviceUrl = (variable: string, name: string, port: number): SettingSpec<string> =>
  setting.httpUrl(variable, `base URL of ${name}`, `http://127.0.0.1:${port}`);

/** Settings of the console's backend-for-frontend, read once at start-up; a bad value stops it naming the variable. */
export const CONSOLE_CONFIG_SPEC = {
  databaseUrl: setting.postgresUrl(
    'DATABASE_URL',
    'PostgreSQL connection URL (the console schema holds the sessions)',
  ),
  port: setting.integer('PORT', 'HTTP port (0 picks a free one)', 3080, { min: 0, max: 65535 }),
  dbPoolSize: setting.integer('DB_POOL_SIZE', 'database connections of this instance', 4, {
    min: 2,
    max: 50,
  }),
  migrate: setting.boolean('RUN_MIGRATIONS', 'apply pending migrations at start-up', true),
  publicUrl: setting.httpUrl(
    'CONSOLE_PUBLIC_URL',
    'the URL people open the console at; the OIDC redirect URI is <this>/auth/callback, and https here makes the session cookie Secure',
    'http://localhost:3080',
  ),
  clientId: setting.string(
    'CONSOLE_OIDC_CLIENT_ID',
    'OIDC client id of the console (public client, PKCE)',
    'care-console',
  ),
  resource: setting.string(
    'CONSOLE_OIDC_RESOURCE',
    'resource indicator (RFC 8707) the access tokens are asked for; empty: none',
    'urn:care-platform:api',
  ),
  sessionSecret: sessionSecretSetting(),
  sessionIdleMinutes: setting.integer(
    'CONSOLE_SESSION_IDLE_MINUTES',
    'minutes of inactivity that end a session',
    30,
    {
      min: 1,
      max: 24 * 60,
    },
  ),
  upstreamTimeoutMs: setting.integer(
    'CONSOLE_UPSTREAM_TIMEOUT_MS',
    'time limit of one call to a service',
    5000,
    {
      min: 100,
      max: 60000,
    },
  ),
  kafkaBrokers: setting.hostPortList(
    'KAFKA_BROKERS',
    'Kafka bootstrap servers, comma-separated host:port (the ops pages: topics, lag, dead letters, replay)',
  ),
  kafkaTopicPrefix: setting.string(
    'KAFKA_TOPIC_PREFIX',
    'prefix of every physical topic and consumer group name of the environment the ops pages show',
    '',
  ),
  opsSampleSeconds: setting.integer(
    'CONSOLE_OPS_SAMPLE_SECONDS',
    'seconds between two samples of topic end offsets and consumer lag while the ops pages are in use (1 h kept)',
    15,
    { min: 1, max: 300 },
  ),
  claimsIntakeUrl: serviceUrl('CLAIMS_INTAKE_URL', 'claims-intake', 3001),
  conditionIdentificationUrl: serviceUrl('CONDITION_IDENTIFICATION_URL', 'condition-identification', 3002),
  careGapsUrl: serviceUrl('CARE_GAPS_URL', 'care-gaps', 3003),
  behavioralScreeningUrl: serviceUrl('BEHAVIORAL_SCREENING_URL', 'behavioral-screening', 3004),
  surveyTriggerUrl: serviceUrl('SURVEY_TRIGGER_URL', 'survey-trigger', 3005),
  caseworkUrl: serviceUrl('CASEWORK_URL', 'casework', 3006),
  ...OIDC_SETTINGS_SPEC,
  ...OBSERVABILITY_SETTINGS_SPEC,
};

export type ConsoleConfig = ConfigOf<typeof CONSOLE_CONFIG_SPEC>;

export function loadConsoleConfig(env: NodeJS.ProcessEnv = process.env): ConsoleConfig {
  return loadConfig(CONSOLE_CONFIG_SPEC, env);
}

/** The services the console calls, by the name its routes use. */
export type UpstreamName =
  | 'claims-intake'
  | 'condition-identification'
  | 'care-gaps'
  | 'behavioral-screening'
  | 'survey-trigger'
  | 'casework';

export function upstreamUrls(config: ConsoleConfig): Record<UpstreamName, string> {
  return {
    'claims-intake': config.claimsIntakeUrl,
    'condition-identification': config.conditionIdentificationUrl,
    'care-gaps': config.careGapsUrl,
    'behavioral-screening': config.behavioralScreeningUrl,
    'survey-trigger': config.surveyTriggerUrl,
    casework: config.caseworkUrl,
  };
}
