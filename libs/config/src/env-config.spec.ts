import { ConfigError, loadConfig, setting } from './env-config';

describe('start-up configuration', () => {
  const spec = {
    brokers: setting.hostPortList('KAFKA_BROKERS', 'Kafka bootstrap servers'),
    databaseUrl: setting.postgresUrl('DATABASE_URL', 'PostgreSQL connection URL'),
    port: setting.integer('PORT', 'HTTP port', 3001, { min: 1, max: 65535 }),
    idempotent: setting.boolean('KAFKA_IDEMPOTENT_PRODUCER', 'idempotent producer', true),
    mode: setting.oneOf('MODE', 'run mode', ['a', 'b'] as const, 'a'),
  };

  it('reads valid values and applies defaults', () => {
    const config = loadConfig(spec, {
      KAFKA_BROKERS: '127.0.0.1:9092, kafka:9093',
      DATABASE_URL: 'postgres://u:p@h:5432/d',
    });
    expect(config).toEqual({
      brokers: ['127.0.0.1:9092', 'kafka:9093'],
      databaseUrl: 'postgres://u:p@h:5432/d',
      port: 3001,
      idempotent: true,
      mode: 'a',
    });
  });

  it('names every bad or missing variable in one error, never the value', () => {
    const env = {
      KAFKA_BROKERS: 'not a list',
      PORT: '70000',
      KAFKA_IDEMPOTENT_PRODUCER: 'maybe',
      MODE: 'secret-c',
    };
    let caught: unknown;
    try {
      loadConfig(spec, env);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toEqual([
      'KAFKA_BROKERS must be a comma-separated list of host:port',
      'DATABASE_URL is required (PostgreSQL connection URL)',
      'PORT must be at most 65535',
      'KAFKA_IDEMPOTENT_PRODUCER must be true or false',
      'MODE must be one of a, b',
    ]);
    expect((caught as Error).message).not.toContain('secret-c');
  });

  it('rejects a non-postgres URL and a non-integer', () => {
    expect(() =>
      loadConfig({ u: setting.postgresUrl('DATABASE_URL', 'db') }, { DATABASE_URL: 'mysql://x' }),
    ).toThrow('DATABASE_URL must be a postgres:// URL');
    expect(() => loadConfig({ p: setting.integer('PORT', 'port', 1) }, { PORT: '12a' })).toThrow(
      'PORT must be an integer',
    );
  });

  it('accepts only http(s) URLs for a URL setting, naming the variable', () => {
    const spec = { issuer: setting.httpUrl('OIDC_ISSUER', 'issuer') };
    expect(loadConfig(spec, { OIDC_ISSUER: 'https://id.example.org/realms/care' })).toEqual({
      issuer: 'https://id.example.org/realms/care',
    });
    expect(() => loadConfig(spec, { OIDC_ISSUER: 'ftp://id.example.org' })).toThrow(
      'OIDC_ISSUER must be an http(s):// URL',
    );
    expect(() => loadConfig(spec, { OIDC_ISSUER: 'id.example.org' })).toThrow(
      'OIDC_ISSUER must be an http(s):// URL',
    );
  });

  it('reads an unset optional setting as undefined but still validates a value that is set', () => {
    const spec = { jwks: setting.optional(setting.httpUrl('OIDC_JWKS_URL', 'key set')) };
    expect(loadConfig(spec, {})).toEqual({ jwks: undefined });
    expect(loadConfig(spec, { OIDC_JWKS_URL: '  ' })).toEqual({ jwks: undefined });
    expect(() => loadConfig(spec, { OIDC_JWKS_URL: 'nope' })).toThrow(
      'OIDC_JWKS_URL must be an http(s):// URL',
    );
  });
});
