import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import type { OidcSettings } from '../oidc-settings';
import { TokenVerifier } from '../verifier/token-verifier';
import { AccessGuard } from './access.guard';
import { AccessPolicyCheck } from './access-policy-check';

/**
 * The front door of a service: a global {@link TokenVerifier} for the configured issuer and the global
 * {@link AccessGuard} (deny by default: every route declares `@Access()` or `@Public()`, checked at start-up by
 * {@link AccessPolicyCheck}). Settings come from `loadConfig(OIDC_SETTINGS_SPEC)`, usually spread into the service's
 * own config spec.
 */
@Module({})
export class AuthModule {
  static forRoot(settings: OidcSettings): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: TokenVerifier, useFactory: () => new TokenVerifier(settings) },
        { provide: APP_GUARD, useClass: AccessGuard },
        AccessPolicyCheck,
      ],
      exports: [TokenVerifier],
    };
  }
}
