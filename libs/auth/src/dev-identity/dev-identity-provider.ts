import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { CARE_PLATFORM_AUDIENCE } from '../oidc-settings';
import type { Scope } from '../scopes';
import { assertDevelopmentEnvironment } from './assert-development';
import { DEV_SIGNING_ALGORITHM, DevTokenSigner } from './dev-token-signer';
import { DEV_CLIENTS, DEV_USERS, principalOfClient, type DevClient, type DevUser } from './dev-users';
import { closeServer, listen, readBody, sendJson } from './http-json';
import {
  grantClientCredentials,
  grantPassword,
  isTokenEndpointError,
  parseTokenRequest,
} from './token-request';

/** Options of {@link startDevIdentityProvider}. */
export interface DevIdentityProviderOptions {
  /** TCP port; 0 (default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on (default 127.0.0.1; `0.0.0.0` for every interface). */
  readonly host?: string;
  /** The `iss` of its tokens and discovery document (default `http://<host>:<port>`, localhost for 0.0.0.0). */
  readonly issuer?: string;
  /** Users who can get tokens (default {@link DEV_USERS}). */
  readonly users?: readonly DevUser[];
  /** Machine clients (client-credentials grant; default {@link DEV_CLIENTS}). */
  readonly clients?: readonly DevClient[];
  /** Lifetime of issued tokens (default 3600 s). */
  readonly tokenTtlSeconds?: number;
}

/** What a test token may differ in from the user's normal one. */
export interface TokenOverrides {
  readonly expiresInSeconds?: number;
  readonly audience?: string;
  /** The granted scopes instead of every scope of the user's roles. */
  readonly scopes?: readonly Scope[];
}

/** A running development identity provider. */
export interface DevIdentityProvider {
  readonly issuer: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
  /** A token for a configured user without the HTTP round trip (tests). Throws for an unknown username. */
  tokenFor(username: string, overrides?: TokenOverrides): Promise<string>;
}

/**
 * Starts an OpenID-Connect-shaped identity provider for development and tests, over real HTTP:
 * `GET /.well-known/openid-configuration`, `GET /jwks` (public key only), `POST /token` (password grant for
 * client `care-dev`, client-credentials grant for the clients), `GET /health/live` and `GET /health/ready`. Tokens are ES256 JWTs signed with a key
 * pair made at start, so restarting it invalidates every token it issued. Refuses NODE_ENV=production.
 */
export async function startDevIdentityProvider(
  options: DevIdentityProviderOptions = {},
): Promise<DevIdentityProvider> {
  assertDevelopmentEnvironment();
  const users = options.users ?? DEV_USERS;
  const clients = options.clients ?? DEV_CLIENTS;
  const principals = [...users, ...clients.map(principalOfClient)];
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 3600;
  const signer = await DevTokenSigner.create();
  const host = options.host ?? '127.0.0.1';
  let issuer = '';
  const issue = (user: DevUser, overrides: TokenOverrides = {}): Promise<string> =>
    signer.sign({
      issuer,
      user,
      audience: overrides.audience ?? CARE_PLATFORM_AUDIENCE,
      expiresInSeconds: overrides.expiresInSeconds ?? tokenTtlSeconds,
      ...(overrides.scopes === undefined ? {} : { scopes: overrides.scopes }),
    });

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      sendJson(response, 500, { error: 'server_error' });
    });
  });
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const base = issuer.replace(/\/+$/, '');
    const prefix = new URL(base).pathname.replace(/\/+$/, '');
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route = `${request.method ?? ''} ${path}`;
    switch (route) {
      case 'GET /health/live':
      case 'GET /health/ready':
        sendJson(response, 200, { status: 'ok' });
        return;
      case `GET ${prefix}/.well-known/openid-configuration`:
        sendJson(response, 200, {
          issuer,
          jwks_uri: `${base}/jwks`,
          token_endpoint: `${base}/token`,
          grant_types_supported: ['password', 'client_credentials'],
          response_types_supported: ['token'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: [DEV_SIGNING_ALGORITHM],
          token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
          claims_supported: ['iss', 'sub', 'aud', 'iat', 'exp', 'jti', 'roles', 'queues', 'name'],
        });
        return;
      case `GET ${prefix}/jwks`:
        sendJson(response, 200, { keys: [signer.publicJwk] });
        return;
      case `POST ${prefix}/token`: {
        const body = await readBody(request);
        if (body === undefined) {
          sendJson(response, 413, { error: 'invalid_request', error_description: 'the body is too large' });
          return;
        }
        const parameters = parseTokenRequest(request.headers['content-type'], body);
        if (!isTokenEndpointError(parameters) && parameters.get('grant_type') === 'client_credentials') {
          const grant = grantClientCredentials(parameters, request.headers.authorization, clients);
          if (isTokenEndpointError(grant)) {
            sendJson(response, grant.status, grant.body, { 'Cache-Control': 'no-store' });
            return;
          }
          const token = await issue(principalOfClient(grant.client), { scopes: grant.scopes });
          sendJson(
            response,
            200,
            {
              access_token: token,
              token_type: 'Bearer',
              expires_in: tokenTtlSeconds,
              scope: grant.scopes.join(' '),
            },
            { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
          );
          return;
        }
        const user = isTokenEndpointError(parameters) ? parameters : grantPassword(parameters, users);
        if (isTokenEndpointError(user)) {
          sendJson(response, user.status, user.body, { 'Cache-Control': 'no-store' });
          return;
        }
        sendJson(
          response,
          200,
          { access_token: await issue(user), token_type: 'Bearer', expires_in: tokenTtlSeconds },
          { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
        );
        return;
      }
      default:
        sendJson(response, 404, { error: 'not_found' });
    }
  };

  const port = await listen(server, options.port ?? 0, host);
  issuer = options.issuer ?? `http://${urlHostOf(host)}:${port}`;

  return {
    issuer,
    close: () => closeServer(server),
    tokenFor: (username, overrides) => {
      const user = principals.find((candidate) => candidate.username === username);
      if (user === undefined)
        return Promise.reject(new Error(`no development user or client named ${username}`));
      return issue(user, overrides);
    },
  };
}

function urlHostOf(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
