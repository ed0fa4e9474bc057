/**
 * Throws when `env` says production: the development identity provider signs tokens for seeded users whose
 * password is published, so anyone could log in as any role.
 */
export function assertDevelopmentEnvironment(env: NodeJS.ProcessEnv = process.env): void {
  if (env['NODE_ENV'] === 'production') {
    throw new Error(
      'the development identity provider refuses to run with NODE_ENV=production: it issues tokens for seeded ' +
        'users whose password is published in the repository; use a real OpenID Connect provider (OIDC_ISSUER)',
    );
  }
}
