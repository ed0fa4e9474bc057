/**
 * Start-up configuration from environment variables. Each setting names its variable; a missing or bad value
 * stops start-up with an error naming every bad variable (never its value, which may be a secret).
 */
export interface SettingSpec<T> {
  readonly variable: string;
  readonly description: string;
  /** Used when the variable is unset or empty; no default means the variable is required (unless `optional`). */
  readonly default?: T;
  /** An unset or empty variable without a default reads as `undefined` instead of stopping start-up. */
  readonly optional?: boolean;
  readonly parse: (raw: string) => T | ConfigParseFailure;
}

export interface ConfigParseFailure {
  readonly failure: string;
}

const fail = (failure: string): ConfigParseFailure => ({ failure });
const isFailure = (value: unknown): value is ConfigParseFailure =>
  typeof value === 'object' && value !== null && 'failure' in value;

/** Thrown at start-up; the message names each failing variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

export type ConfigSpec = Record<string, SettingSpec<unknown>>;
export type ConfigOf<S extends ConfigSpec> = {
  readonly [K in keyof S]: S[K] extends SettingSpec<infer T> ? T : never;
};

/** Reads and validates every setting of `spec` from `env`, throwing one ConfigError naming all bad variables. */
export function loadConfig<S extends ConfigSpec>(spec: S, env: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(spec)) {
    const raw = env[setting.variable];
    if (raw === undefined || raw.trim() === '') {
      if (setting.default !== undefined) values[key] = setting.default;
      else if (setting.optional === true) values[key] = undefined;
      else problems.push(`${setting.variable} is required (${setting.description})`);
      continue;
    }
    const parsed = setting.parse(raw.trim());
    if (isFailure(parsed)) problems.push(`${setting.variable} ${parsed.failure}`);
    else values[key] = parsed;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values as ConfigOf<S>;
}

/** Setting builders. */
/** A URL setting whose scheme is one of `protocols` (as `URL.protocol` spells them, e.g. `https:`). */
function urlSetting(
  variable: string,
  description: string,
  protocols: readonly string[],
  failure: string,
  defaultValue?: string,
): SettingSpec<string> {
  return {
    variable,
    description,
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
    parse: (raw) => {
      try {
        return protocols.includes(new URL(raw).protocol) ? raw : fail(failure);
      } catch {
        return fail(failure);
      }
    },
  };
}

export const setting = {
  string(variable: string, description: string, defaultValue?: string): SettingSpec<string> {
    return {
      variable,
      description,
      ...(defaultValue === undefined ? {} : { default: defaultValue }),
      parse: (raw) => raw,
    };
  },
  integer(
    variable: string,
    description: string,
    defaultValue: number | undefined,
    bounds: { min?: number; max?: number } = {},
  ): SettingSpec<number> {
    return {
      variable,
      description,
      ...(defaultValue === undefined ? {} : { default: defaultValue }),
      parse: (raw) => {
        if (!/^-?\d+$/.test(raw)) return fail('must be an integer');
        const value = Number(raw);
        if (bounds.min !== undefined && value < bounds.min) return fail(`must be at least ${bounds.min}`);
        if (bounds.max !== undefined && value > bounds.max) return fail(`must be at most ${bounds.max}`);
        return value;
      },
    };
  },
  boolean(variable: string, description: string, defaultValue?: boolean): SettingSpec<boolean> {
    return {
      variable,
      description,
      ...(defaultValue === undefined ? {} : { default: defaultValue }),
      parse: (raw) => {
        const lower = raw.toLowerCase();
        if (['true', '1', 'yes', 'on'].includes(lower)) return true;
        if (['false', '0', 'no', 'off'].includes(lower)) return false;
        return fail('must be true or false');
      },
    };
  },
  oneOf<T extends string>(
    variable: string,
    description: string,
    allowed: readonly T[],
    defaultValue?: T,
  ): SettingSpec<T> {
    return {
      variable,
      description,
      ...(defaultValue === undefined ? {} : { default: defaultValue }),
      parse: (raw) =>
        (allowed as readonly string[]).includes(raw)
          ? (raw as T)
          : fail(`must be one of ${allowed.join(', ')}`),
    };
  },
  /** Comma-separated host:port list, e.g. KAFKA_BROKERS. */
  hostPortList(variable: string, description: string, defaultValue?: string[]): SettingSpec<string[]> {
    return {
      variable,
      description,
      ...(defaultValue === undefined ? {} : { default: defaultValue }),
      parse: (raw) => {
        const entries = raw
          .split(',')
          .map((entry) => entry.trim())
          .filter((entry) => entry !== '');
        if (entries.length === 0) return fail('must list at least one host:port');
        const bad = entries.filter((entry) => !/^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/.test(entry));
        return bad.length > 0 ? fail('must be a comma-separated list of host:port') : entries;
      },
    };
  },
  /** A postgres:// or postgresql:// URL, e.g. DATABASE_URL. */
  postgresUrl(variable: string, description: string, defaultValue?: string): SettingSpec<string> {
    return urlSetting(variable, description, ['postgres:', 'postgresql:'], 'must be a postgres:// URL', defaultValue);
  },
  /** An http:// or https:// URL, e.g. an OIDC issuer; a trailing slash is kept as given. */
  httpUrl(variable: string, description: string, defaultValue?: string): SettingSpec<string> {
    return urlSetting(variable, description, ['http:', 'https:'], 'must be an http(s):// URL', defaultValue);
  },
  /** Makes `spec` optional: unset or empty reads as `undefined`; a value that is set must still be valid. */
  optional<T>(spec: SettingSpec<T>): SettingSpec<T | undefined> {
    return { variable: spec.variable, description: spec.description, optional: true, parse: spec.parse };
  },
};
