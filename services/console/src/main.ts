import 'reflect-metadata';
import { bootstrapService } from '@care/observability';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { DataSource } from 'typeorm';
import { loadConsoleConfig, CONSOLE_SCHEMA } from './console.config';
import { ConsoleModule } from './console.module';
import { OidcLogin } from './session/oidc-login';
import { csrfProtection, sessionBearer, sessionMiddleware } from './session/session.middleware';
import { findWebDir, noStore, securityHeaders, webApp } from './web-assets/web-assets';

/** Starts the console's backend-for-frontend; a bad setting stops it here with the variable named. */
async function main(): Promise<void> {
  const config = loadConsoleConfig();
  const secure = config.publicUrl.startsWith('https://');
  const webDir = findWebDir(__dirname);
  await bootstrapService(ConsoleModule.forRoot(config), {
    port: config.port,
    title: 'console',
    description:
      'The care console: the web app of coaches, advocates, supervisors and the ops team, and its backend. Sign-in ' +
      'through the OIDC provider (authorization code with PKCE); the session is server-side and every call to a ' +
      "service is made with the signed-in user's token. Routes under /api need a session and a CSRF token on writes.",
    middleware: (app) => {
      if (secure) app.set('trust proxy', 1);
      app.use(securityHeaders(secure));
      // Before the session and the guards, so a refusal is not cached either.
      app.use('/api', noStore());
      // One pool for TypeORM and the session store.
      const pool = (app.get(DataSource).driver as PostgresDriver).master as import('pg').Pool;
      app.use(
        sessionMiddleware({
          pool,
          schema: CONSOLE_SCHEMA,
          secret: config.sessionSecret,
          secure,
          idleMinutes: config.sessionIdleMinutes,
        }),
      );
      app.use(['/api', '/auth/logout'], csrfProtection());
      app.use('/api', sessionBearer(app.get(OidcLogin)));
      if (webDir !== undefined) for (const handler of webApp(webDir)) app.use(handler);
    },
  });
  if (webDir === undefined)
    process.stderr.write('console: the web app is not built (npm run build); serving the API only\n');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `console failed to start: ${error instanceof Error ? error.message : 'unknown error'}\n`,
  );
  process.exit(1);
});
