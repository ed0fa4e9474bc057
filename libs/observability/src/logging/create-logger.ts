import { setting } from '@care/config';
import pino, { type Logger } from 'pino';

/** Field names whose values are protected health information wherever they appear (payloads, logs, tools). */
export const PHI_FIELD_NAMES: readonly string[] = [
  'firstName',
  'lastName',
  'middleName',
  'fullName',
  'birthDate',
  'dateOfBirth',
  'deceasedDate',
  'address',
  'email',
  'phone',
  'notes',
  'note',
  'diagnoses',
  'lines',
  'drug',
  'answers',
  'summary',
  'writtenSummary',
];

/** Fields that hold whole records (a member, a claim, a request body, an event's data): never logged whole. */
const RECORD_FIELD_NAMES: readonly string[] = ['member', 'claim', 'body', 'data'];

/**
 * Field paths removed from every log line. Logs carry member ids and event ids only; these paths catch PHI
 * that might reach a log object by accident (a claim or member passed whole, a request body).
 */
export const PHI_REDACT_PATHS: readonly string[] = [
  ...[...PHI_FIELD_NAMES, ...RECORD_FIELD_NAMES].flatMap((name) => [name, `*.${name}`]),
  'req.headers.authorization',
  'req.headers.cookie',
  // A failed query (TypeORM QueryFailedError) carries its bound values and Postgres's detail ("Key (…)=(…)"):
  // both may hold what a request stored (a case summary, a note). The SQL text and the error code stay.
  'err.parameters',
  'err.detail',
  'err.driverError.parameters',
  'err.driverError.detail',
  'err.driverError.where',
];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Settings every service reads for logging. */
export const OBSERVABILITY_SETTINGS_SPEC = {
  logLevel: setting.oneOf('LOG_LEVEL', 'log level', LOG_LEVELS, 'info'),
};

/**
 * The service's root logger: JSON lines, PHI paths removed, to stdout; to the file LOG_FILE names when set (the test
 * runner gives each test file one, so that a passing run is not buried in service logs).
 */
export function createLogger(service: string, level: LogLevel = 'info'): Logger {
  const file = process.env['LOG_FILE'];
  return pino(
    {
      name: service,
      level,
      base: { service },
      redact: { paths: [...PHI_REDACT_PATHS], remove: true },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    file === undefined || file === ''
      ? undefined
      : pino.destination({ dest: file, mkdir: true, append: true, sync: true }),
  );
}
