import { ConfigError, loadConfig } from '@care/config';
import { OIDC_SETTINGS_SPEC } from './oidc-settings';

describe('OIDC settings', () => {
  it('needs only the issuer; the audience defaults to care-platform and the key set is discovered', () => {
    expect(loadConfig(OIDC_SETTINGS_SPEC, { OIDC_ISSUER: 'http://localhost:3090' })).toEqual({
      issuer: 'http://localhost:3090',
      audience: 'care-platform',
      rolesClaim: 'roles',
      jwksUrl: undefined,
    });
  });

  it('reads an audience, a roles claim path and a key set URL override', () => {
    expect(
      loadConfig(OIDC_SETTINGS_SPEC, {
        OIDC_ISSUER: 'https://id.example.org/realms/care',
        OIDC_AUDIENCE: 'casework',
        OIDC_JWKS_URL: 'https://id.example.org/realms/care/protocol/openid-connect/certs',
        OIDC_ROLES_CLAIM: 'realm_access.roles',
      }),
    ).toEqual({
      issuer: 'https://id.example.org/realms/care',
      audience: 'casework',
      rolesClaim: 'realm_access.roles',
      jwksUrl: 'https://id.example.org/realms/care/protocol/openid-connect/certs',
    });
  });

  it('stops start-up naming each missing or bad variable', () => {
    expect(() => loadConfig(OIDC_SETTINGS_SPEC, {})).toThrow(/OIDC_ISSUER is required/);
    let caught: unknown;
    try {
      loadConfig(OIDC_SETTINGS_SPEC, { OIDC_ISSUER: 'localhost:3090', OIDC_JWKS_URL: 'file:///etc/keys' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toEqual([
      'OIDC_ISSUER must be an http(s):// URL',
      'OIDC_JWKS_URL must be an http(s):// URL',
    ]);
  });
});
