import {
  HTTP_LISTEN_SPEC,
  loadConfig,
  setting,
  type ConfigOf,
  type ConfigParseFailure,
  type SettingSpec,
} from '@care/config';
import { OBSERVABILITY_SETTINGS_SPEC } from '@care/observability';

/** Start-up settings of the development identity provider. */
export const DEV_IDENTITY_CONFIG_SPEC = {
  ...OBSERVABILITY_SETTINGS_SPEC,
  ...HTTP_LISTEN_SPEC,
  port: setting.integer('PORT', 'HTTP port (0 picks a free one)', 3090, { min: 0, max: 65535 }),
  issuer: setting.optional(
    setting.httpUrl(
      'DEV_IDENTITY_ISSUER',
      'the `iss` of issued tokens and the base of the discovery document (default http://localhost:<PORT>); ' +
        'services must set the same value as OIDC_ISSUER',
    ),
  ),
  tokenTtlSeconds: setting.integer('DEV_IDENTITY_TOKEN_TTL_SECONDS', 'lifetime of issued tokens', 3600, {
    min: 60,
    max: 86400,
  }),
  consoleRedirectUris: {
    variable: 'DEV_IDENTITY_CONSOLE_REDIRECT_URIS',
    description: "comma-separated redirect URIs of the console's authorization-code client (care-console)",
    default: ['http://localhost:3080/auth/callback'],
    parse: (raw: string): string[] | ConfigParseFailure => {
      const uris = raw
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
      const valid = (uri: string): boolean => {
        try {
          return ['http:', 'https:'].includes(new URL(uri).protocol);
        } catch {
          return false;
        }
      };
      return uris.length > 0 && uris.every(valid)
        ? uris
        : { failure: 'must be a comma-separated list of http(s) URLs' };
    },
  } satisfies SettingSpec<string[]>,
};

export type DevIdentityConfig = ConfigOf<typeof DEV_IDENTITY_CONFIG_SPEC>;

/** Reads and validates the settings; throws a ConfigError naming every bad variable. */
export const loadDevIdentityConfig = (env: NodeJS.ProcessEnv = process.env): DevIdentityConfig =>
  loadConfig(DEV_IDENTITY_CONFIG_SPEC, env);
