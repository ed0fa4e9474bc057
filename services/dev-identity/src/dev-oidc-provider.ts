import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  CARE_PLATFORM_AUDIENCE,
  DEV_CLIENTS,
  DEV_USERS,
  SCOPES,
  scopesOfRoles,
  type DevClient,
  type DevUser,
} from '@care/auth';
import { exportJWK, generateKeyPair } from 'jose';
import {
  errors,
  interactionPolicy,
  Provider,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import { checkLogin, loginPage } from './login-page';

/** The resource indicator (RFC 8707) of the platform's API: every access token is issued for it. */
export const CARE_PLATFORM_RESOURCE = 'urn:care-platform:api';

/** The public client of the web console: authorization code with PKCE, no secret. */
export const CONSOLE_CLIENT_ID = 'care-console';

/** Options of {@link startDevOidcProvider}. */
export interface DevOidcOptions {
  readonly port: number;
  readonly host: string;
  /** `iss` of the tokens and base of discovery; default `http://localhost:<port>` (or the host, when not local). */
  readonly issuer?: string;
  readonly tokenTtlSeconds: number;
  /** Where the console may be sent back with a code. */
  readonly consoleRedirectUris: readonly string[];
  readonly users?: readonly DevUser[];
  readonly clients?: readonly DevClient[];
}

export interface RunningDevOidcProvider {
  readonly issuer: string;
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The development identity provider: an OpenID Connect provider built on `oidc-provider` (panva; OpenID Certified),
 * with the platform's seeded users (authorization code with PKCE for the console, a login form that checks the
 * development password) and machine clients (client credentials). Access tokens are ES256 JWTs for the audience
 * `care-platform` carrying `roles`, `scope` (what the client asked for, within what the user's roles allow), and
 * `queues` and `npis` of a user. DEVELOPMENT ONLY: main.ts refuses NODE_ENV=production; keys and sessions live in
 * memory and die with the process.
 */
export async function startDevOidcProvider(options: DevOidcOptions): Promise<RunningDevOidcProvider> {
  const users = options.users ?? DEV_USERS;
  const clients = options.clients ?? DEV_CLIENTS;
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), alg: 'ES256', use: 'sig' };

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const port = (server.address() as AddressInfo).port;
  // `localhost` for this machine (not 127.0.0.1), so that tokens fetched by a browser or curl here name the issuer
  // the services are told (OIDC_ISSUER=http://localhost:3090).
  const local = ['0.0.0.0', '127.0.0.1', '::', '::1', 'localhost'].includes(options.host);
  const issuer = options.issuer ?? `http://${local ? 'localhost' : options.host}:${port}`;

  const userOf = (id: string | undefined): DevUser | undefined => users.find((user) => user.username === id);
  const clientOf = (id: string | undefined): DevClient | undefined =>
    clients.find((client) => client.clientId === id);

  const policy = interactionPolicy.base();
  // A first-party console of one organisation: no consent screen. The grant is made by loadExistingGrant, and
  // holds what the user's roles allow; a token never carries more.
  policy.remove('consent');

  const configuration: Configuration = {
    clients: [
      {
        client_id: CONSOLE_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [...options.consoleRedirectUris],
        scope: ['openid', 'profile', 'offline_access', ...SCOPES].join(' '),
      },
      ...clients.map((client) => ({
        client_id: client.clientId,
        client_secret: client.secret,
        token_endpoint_auth_method: 'client_secret_basic' as const,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        scope: scopesOfRoles(client.roles).join(' '),
      })),
    ],
    clientDefaults: { id_token_signed_response_alg: 'ES256' },
    jwks: { keys: [signingKey] },
    scopes: ['openid', 'profile', 'offline_access', ...SCOPES],
    claims: { openid: ['sub'], profile: ['name'] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => CARE_PLATFORM_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== CARE_PLATFORM_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: SCOPES.join(' '),
            audience: CARE_PLATFORM_AUDIENCE,
            accessTokenTTL: options.tokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'ES256' } },
          };
        },
      },
    },
    ttl: {
      AccessToken: options.tokenTtlSeconds,
      ClientCredentials: options.tokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: options.tokenTtlSeconds,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
      RefreshToken: 8 * 3600,
    },
    findAccount: (_ctx, sub) => {
      const user = userOf(sub);
      return user === undefined ? undefined : { accountId: sub, claims: () => ({ sub, name: user.name }) };
    },
    // The console (authorization code) gets a refresh token bound to the user's session at the provider: it
    // keeps a working day's session going without `offline_access`, and ends when that session ends.
    issueRefreshToken: (_ctx, client) => Promise.resolve(client.grantTypeAllowed('refresh_token')),
    extraTokenClaims: (_ctx, token) => {
      const accountId = 'accountId' in token ? (token.accountId as string | undefined) : undefined;
      if (accountId !== undefined) {
        const user = userOf(accountId);
        if (user === undefined) return undefined;
        return {
          roles: [...user.roles],
          queues: [...user.queues],
          ...(user.npis === undefined ? {} : { npis: [...user.npis] }),
        };
      }
      const client = clientOf(token.clientId);
      return client === undefined ? undefined : { roles: [...client.roles] };
    },
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session } = ctx.oidc;
      if (client === undefined || session?.accountId === undefined) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing !== undefined) {
        const grant = await ctx.oidc.provider.Grant.find(existing);
        if (grant !== undefined) return grant;
      }
      const user = userOf(session.accountId);
      if (user === undefined) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile offline_access');
      // What the user's roles allow (ROLE_SCOPES): the most a console token of theirs can carry.
      grant.addResourceScope(CARE_PLATFORM_RESOURCE, scopesOfRoles(user.roles).join(' '));
      await grant.save();
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
    interactions: { policy, url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: (ctx, out) => {
      ctx.type = 'json';
      ctx.body = out;
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.proxy = false;
  const oidc = provider.callback();

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'server_error' }));
    });
  });
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (request.method === 'GET' && (path === '/health/live' || path === '/health/ready')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"status":"ok"}');
      return;
    }
    const interaction = /^\/interaction\/([\w-]+)(\/login)?$/.exec(path);
    if (interaction !== null) {
      await interact(request, response, interaction[2] !== undefined);
      return;
    }
    await oidc(request, response);
  };

  const consoleOrigins = [...new Set(options.consoleRedirectUris.map((uri) => new URL(uri).origin))];

  /** The login step of the authorization code flow: a form, checked against the seeded users. */
  const interact = async (
    request: IncomingMessage,
    response: ServerResponse,
    submitted: boolean,
  ): Promise<void> => {
    const details = await provider.interactionDetails(request, response);
    if (details.prompt.name !== 'login') {
      await provider.interactionFinished(request, response, {}, { mergeWithLastSubmission: true });
      return;
    }
    if (!submitted || request.method !== 'POST') {
      sendHtml(response, 200, loginPage(details.uid, undefined), consoleOrigins);
      return;
    }
    const user = checkLogin(await readForm(request), users);
    if (user === undefined) {
      sendHtml(response, 401, loginPage(details.uid, 'Unknown username or wrong password.'), consoleOrigins);
      return;
    }
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId: user.username } },
      { mergeWithLastSubmission: false },
    );
  };

  return {
    issuer,
    url: `http://${local ? '127.0.0.1' : options.host}:${port}`,
    close: () => closeServer(server),
  };
}

/**
 * The login page with a strict policy. `form-action` also governs where the form's response redirects to: after
 * sign-in the provider sends the browser on to the console's callback, so the console's origins are allowed too.
 */
function sendHtml(
  response: ServerResponse,
  status: number,
  html: string,
  formTargets: readonly string[],
): void {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy':
      `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${formTargets.join(' ')}`.trim(),
  });
  response.end(html);
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 16 * 1024) break;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
