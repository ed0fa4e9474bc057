import { assertDevelopmentEnvironment, DEV_USERS, startDevIdentityProvider } from '@care/auth';
import { createLogger } from '@care/observability';
import { loadDevIdentityConfig } from './dev-identity.config';

/**
 * Starts the development identity provider (DEVELOPMENT ONLY: seeded users, published password) on PORT of
 * HTTP_HOST (127.0.0.1 unless set; 0.0.0.0 in a container). Refuses NODE_ENV=production; a bad setting stops it with the variable named.
 */
async function main(): Promise<void> {
  assertDevelopmentEnvironment();
  const config = loadDevIdentityConfig();
  const logger = createLogger('dev-identity', config.logLevel);
  const provider = await startDevIdentityProvider({
    port: config.port,
    host: config.httpHost,
    tokenTtlSeconds: config.tokenTtlSeconds,
    ...(config.issuer === undefined ? {} : { issuer: config.issuer }),
  });
  logger.info(
    { issuer: provider.issuer, users: DEV_USERS.map((user) => user.username) },
    'development identity provider ready (development only: every seeded user has the password dev-password)',
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
