import { assertDevelopmentEnvironment, DEV_CLIENTS, DEV_USERS } from '@care/auth';
import { createLogger } from '@care/observability';
import { loadDevIdentityConfig } from './dev-identity.config';
import { startDevOidcProvider } from './dev-oidc-provider';

/**
 * Starts the development identity provider (DEVELOPMENT ONLY: seeded users and clients, published password and
 * secret) on PORT of HTTP_HOST (127.0.0.1 unless set; 0.0.0.0 in a container). Refuses NODE_ENV=production; a bad
 * setting stops it with the variable named.
 */
async function main(): Promise<void> {
  assertDevelopmentEnvironment();
  const config = loadDevIdentityConfig();
  const logger = createLogger('dev-identity', config.logLevel);
  const provider = await startDevOidcProvider({
    port: config.port,
    host: config.httpHost,
    tokenTtlSeconds: config.tokenTtlSeconds,
    consoleRedirectUris: config.consoleRedirectUris,
    ...(config.issuer === undefined ? {} : { issuer: config.issuer }),
  });
  logger.info(
    {
      issuer: provider.issuer,
      users: DEV_USERS.map((user) => user.username),
      clients: DEV_CLIENTS.map((client) => client.clientId),
    },
    'development identity provider ready (development only: seeded users have the password dev-password, clients the secret dev-client-secret)',
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    provider.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `dev-identity failed to start: ${error instanceof Error ? error.message : 'unknown error'}\n`,
  );
  process.exit(1);
});
