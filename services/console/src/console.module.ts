import { Module, type DynamicModule } from '@nestjs/common';
import { AuditTrailModule } from '@care/audit';
import { AuthModule } from '@care/auth';
import { ObservabilityModule } from '@care/observability';
import { PersistenceModule } from '@care/persistence';
import { MemberViewController } from './api/member-view.controller';
import { Upstream, UPSTREAM_SETTINGS } from './api/upstream';
import { WorkController } from './api/work.controller';
import { CONSOLE_SCHEMA, SERVICE_NAME, upstreamUrls, type ConsoleConfig } from './console.config';
import { CONSOLE_MIGRATIONS } from './migrations';
import { OpsModule } from './ops/ops.module';
import { AuthController, CONSOLE_PUBLIC_URL } from './session/auth.controller';
import { OidcLogin } from './session/oidc-login';

/** Whether the identity provider may be reached over plain HTTP: never in production. */
export const allowsHttpIdentityProvider = (issuer: string): boolean =>
  issuer.startsWith('http://') && process.env['NODE_ENV'] !== 'production';

/**
 * The console's backend-for-frontend: signs people in (OIDC authorization code with PKCE), keeps their session
 * and tokens server-side, and calls the services with the user's token. It owns no member data: its schema holds
 * sessions and its own audit trail of refused calls.
 */
@Module({})
export class ConsoleModule {
  static forRoot(config: ConsoleConfig): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [
        ObservabilityModule.forRoot({ service: SERVICE_NAME, logLevel: config.logLevel }),
        PersistenceModule.forRoot({
          url: config.databaseUrl,
          schema: CONSOLE_SCHEMA,
          applicationName: SERVICE_NAME,
          migrations: CONSOLE_MIGRATIONS,
          poolSize: config.dbPoolSize,
          migrate: config.migrate,
        }),
        AuthModule.forRoot(config),
        AuditTrailModule.forRoot(),
        OpsModule.forRoot({
          kafka: { brokers: config.kafkaBrokers, prefix: config.kafkaTopicPrefix },
          sampling: {
            intervalMs: config.opsSampleSeconds * 1000,
            historyMs: 60 * 60_000,
            idleMs: 5 * 60_000,
          },
        }),
      ],
      controllers: [AuthController, WorkController, MemberViewController],
      providers: [
        { provide: CONSOLE_PUBLIC_URL, useValue: config.publicUrl },
        {
          provide: UPSTREAM_SETTINGS,
          useValue: { urls: upstreamUrls(config), timeoutMs: config.upstreamTimeoutMs },
        },
        Upstream,
        {
          provide: OidcLogin,
          useFactory: () =>
            new OidcLogin({
              issuer: config.issuer,
              clientId: config.clientId,
              redirectUri: new URL('/auth/callback', config.publicUrl).href,
              resource: config.resource,
              allowHttp: allowsHttpIdentityProvider(config.issuer),
            }),
        },
      ],
    };
  }
}
