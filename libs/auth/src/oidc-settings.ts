import { setting, type ConfigOf } from '@care/config';

/** The audience every platform service expects in `aud` unless OIDC_AUDIENCE says otherwise. */
export const CARE_PLATFORM_AUDIENCE = 'care-platform';

/**
 * Environment settings of a service that checks bearer tokens. Read them with `loadConfig` (a bad or missing
 * value stops start-up naming the variable), usually spread into the service's own config spec.
 */
export const OIDC_SETTINGS_SPEC = {
  issuer: setting.httpUrl(
    'OIDC_ISSUER',
    'OpenID Connect issuer URL: tokens must carry exactly this `iss`; keys are discovered from it',
  ),
  audience: setting.string(
    'OIDC_AUDIENCE',
    'audience tokens must be issued for (`aud`)',
    CARE_PLATFORM_AUDIENCE,
  ),
  rolesClaim: setting.string(
    'OIDC_ROLES_CLAIM',
    'where the platform roles are in the token: a claim name or dot path (Keycloak realm roles: realm_access.roles)',
    'roles',
  ),
  jwksUrl: setting.optional(
    setting.httpUrl(
      'OIDC_JWKS_URL',
      "the issuer's JSON Web Key Set URL; unset: discovered from <issuer>/.well-known/openid-configuration",
    ),
  ),
};

/** The settings a verifier needs; `rolesClaim` defaults to `roles`. */
export type OidcSettings = Omit<ConfigOf<typeof OIDC_SETTINGS_SPEC>, 'rolesClaim'> & {
  readonly rolesClaim?: string;
};
