import { loadDevIdentityConfig } from './dev-identity.config';

describe('dev-identity settings', () => {
  it('defaults to port 3090 of 127.0.0.1, one-hour tokens and an issuer derived from the port', () => {
    expect(loadDevIdentityConfig({})).toEqual({
      logLevel: 'info',
      httpHost: '127.0.0.1',
      port: 3090,
      issuer: undefined,
      tokenTtlSeconds: 3600,
      consoleRedirectUris: ['http://localhost:3080/auth/callback'],
    });
  });

  it('reads an explicit issuer (the in-network URL under docker compose)', () => {
    expect(loadDevIdentityConfig({ DEV_IDENTITY_ISSUER: 'http://dev-identity:3090' }).issuer).toBe(
      'http://dev-identity:3090',
    );
  });

  it('reads the console redirect URIs as a comma-separated list of http(s) URLs', () => {
    expect(
      loadDevIdentityConfig({
        DEV_IDENTITY_CONSOLE_REDIRECT_URIS: 'http://localhost:4200/cb, https://console.test/cb',
      }).consoleRedirectUris,
    ).toEqual(['http://localhost:4200/cb', 'https://console.test/cb']);
    expect(() =>
      loadDevIdentityConfig({ DEV_IDENTITY_CONSOLE_REDIRECT_URIS: 'javascript:alert(1)' }),
    ).toThrow('DEV_IDENTITY_CONSOLE_REDIRECT_URIS must be a comma-separated list of http(s) URLs');
  });

  it('names each bad variable', () => {
    expect(() =>
      loadDevIdentityConfig({
        PORT: 'x',
        DEV_IDENTITY_ISSUER: 'dev-identity:3090',
        DEV_IDENTITY_TOKEN_TTL_SECONDS: '5',
      }),
    ).toThrow(
      'invalid configuration: PORT must be an integer; DEV_IDENTITY_ISSUER must be an http(s):// URL; ' +
        'DEV_IDENTITY_TOKEN_TTL_SECONDS must be at least 60',
    );
  });
});
