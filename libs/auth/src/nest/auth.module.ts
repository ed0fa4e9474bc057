import { Module, type DynamicModule } from '@nestjs/common';
import type { OidcSettings } from '../oidc-settings';
import { TokenVerifier } from '../verifier/token-verifier';
import { AuthorizeGuard } from './authorize.guard';

/**
 * Bearer-token authentication for a service: a global {@link TokenVerifier} for the configured issuer, used by
 * `@Authorize()` on controllers and handlers. Settings come from `loadConfig(OIDC_SETTINGS_SPEC)` (usually
 * spread into the service's own config spec).
 */
@Module({})
export class AuthModule {
  static forRoot(settings: OidcSettings): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [{ provide: TokenVerifier, useFactory: () => new TokenVerifier(settings) }, AuthorizeGuard],
      exports: [TokenVerifier, AuthorizeGuard],
    };
  }
}
