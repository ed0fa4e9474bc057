import { Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import type { PendingLogin, SessionTokens } from './console-session';

/**
 * What the console asks the identity provider for: sign-in, the name, and its API scopes (a token carries only
 * those the user's roles allow). No `offline_access`: the console's refresh token lives as long as the provider's
 * session, not beyond it.
 */
export const CONSOLE_SCOPES = [
  'openid',
  'profile',
  'member:read',
  'casework:write',
  'screenings:write',
  'reference:read',
  'provider:read',
  'stats:read',
  'operations',
  'audit:read',
].join(' ');

export interface OidcLoginSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly redirectUri: string;
  /** RFC 8707 resource indicator of the platform's API, or '' for none. */
  readonly resource: string;
  /** Plain-http identity provider allowed (development only: the local stack's provider is http://localhost). */
  readonly allowHttp: boolean;
}

/**
 * The console as an OpenID Connect client (openid-client, panva): the authorization code flow with PKCE (S256)
 * and state, as a public client; tokens are exchanged and refreshed here, in the backend, and never reach the
 * browser. The provider's metadata is discovered on first use and again after a failure, so the console starts
 * before its identity provider.
 */
@Injectable()
export class OidcLogin {
  private readonly logger = new Logger('OidcLogin');
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(private readonly settings: OidcLoginSettings) {}

  private config(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(new URL(this.settings.issuer), this.settings.clientId, undefined, oidc.None(), {
        // Plain http only outside production, for the local stack's provider on http://localhost.
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated only to flag it as development-only
        ...(this.settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : {}),
        timeout: 5,
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        this.logger.warn(
          `identity provider discovery failed: ${error instanceof Error ? error.message : 'unknown'}`,
        );
        throw error;
      });
    return this.configuration;
  }

  /** A new sign-in: the URL to send the browser to, and what the callback must check. */
  async start(returnTo: string): Promise<{ url: string; pending: PendingLogin }> {
    const config = await this.config();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: CONSOLE_SCOPES,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      ...(this.settings.resource === '' ? {} : { resource: this.settings.resource }),
    });
    return { url: url.href, pending: { codeVerifier, state, returnTo } };
  }

  /** The callback: checks state and PKCE and exchanges the code for tokens (and the ID token's `name`). */
  async finish(
    callbackUrl: URL,
    pending: PendingLogin,
  ): Promise<{ tokens: SessionTokens; name: string | undefined }> {
    const config = await this.config();
    const response = await oidc.authorizationCodeGrant(
      config,
      callbackUrl,
      { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state },
      this.settings.resource === '' ? undefined : { resource: this.settings.resource },
    );
    const name = response.claims()?.['name'];
    return { tokens: tokensOf(response), name: typeof name === 'string' ? name : undefined };
  }

  /** New tokens for a session whose access token is about to expire. */
  async refresh(refreshToken: string): Promise<SessionTokens> {
    const config = await this.config();
    const response = await oidc.refreshTokenGrant(
      config,
      refreshToken,
      this.settings.resource === '' ? undefined : { resource: this.settings.resource },
    );
    const tokens = tokensOf(response);
    // A provider that does not rotate refresh tokens answers without one: the old one stays valid.
    return tokens.refreshToken === undefined ? { ...tokens, refreshToken } : tokens;
  }

  /** Where to send the browser to end the identity provider's session too (RP-initiated logout), if it has one. */
  async endSessionUrl(idToken: string | undefined): Promise<string | undefined> {
    try {
      const config = await this.config();
      if (config.serverMetadata().end_session_endpoint === undefined) return undefined;
      return oidc.buildEndSessionUrl(config, {
        client_id: this.settings.clientId,
        ...(idToken === undefined ? {} : { id_token_hint: idToken }),
      }).href;
    } catch {
      return undefined;
    }
  }
}

function tokensOf(response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): SessionTokens {
  const expiresIn = response.expiresIn() ?? 300;
  return {
    accessToken: response.access_token,
    ...(response.refresh_token === undefined ? {} : { refreshToken: response.refresh_token }),
    ...(response.id_token === undefined ? {} : { idToken: response.id_token }),
    expiresAt: Date.now() + expiresIn * 1000,
  };
}
