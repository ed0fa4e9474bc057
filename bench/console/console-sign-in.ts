import { createHash, randomBytes } from 'node:crypto';
import { CookieJar } from './cookie-jar';

/** The console's OIDC client and what it asks for (services/console/src/session/oidc-login.ts, console.config.ts). */
const CONSOLE_CLIENT_ID = 'care-console';
const CONSOLE_RESOURCE = 'urn:care-platform:api';
const CONSOLE_SCOPES =
  'openid profile member:read casework:write screenings:write reference:read provider:read stats:read operations audit:read';

const MAX_HOPS = 12;

/** A request in a browser-like walk: the jar's cookies out, its cookies in, redirects not followed. */
async function visit(
  jar: CookieJar,
  url: string,
  init: { method?: 'GET' | 'POST'; form?: URLSearchParams } = {},
): Promise<{ status: number; location: string | undefined; body: string }> {
  const cookie = jar.header(url);
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    headers: {
      accept: 'text/html,application/json',
      ...(cookie === undefined ? {} : { cookie }),
      ...(init.form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
    },
    ...(init.form === undefined ? {} : { body: init.form.toString() }),
  });
  jar.store(url, response.headers.getSetCookie());
  const location = response.headers.get('location');
  return {
    status: response.status,
    location: location === null ? undefined : new URL(location, url).href,
    body: await response.text(),
  };
}

/** The action of the identity provider's login form (services/dev-identity/src/login-page.ts). */
function loginFormAction(html: string, pageUrl: string): string {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (action === undefined) throw new Error(`no login form at ${pageUrl}`);
  const decoded = action.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  return new URL(decoded, pageUrl).href;
}

/**
 * Walks from `start` as a browser would: follows each redirect, fills and posts the identity provider's login form
 * once when it is shown, and stops at the first URL `arrived` accepts (without requesting it) or at a page that is
 * not a redirect. Answers the URL it stopped at.
 */
async function walk(
  jar: CookieJar,
  start: string,
  user: { username: string; password: string },
  arrived: (url: string) => boolean,
): Promise<string> {
  let url = start;
  let posted = false;
  for (let hop = 0; hop < MAX_HOPS; hop += 1) {
    if (arrived(url)) return url;
    const page = await visit(jar, url);
    if (page.location !== undefined) {
      url = page.location;
      continue;
    }
    if (page.status === 200 && !posted && page.body.includes('name="password"')) {
      posted = true;
      const answer = await visit(jar, loginFormAction(page.body, url), {
        method: 'POST',
        form: new URLSearchParams({ username: user.username, password: user.password }),
      });
      if (answer.location === undefined)
        throw new Error(`sign-in refused for ${user.username} (${answer.status})`);
      url = answer.location;
      continue;
    }
    return url;
  }
  throw new Error(`more than ${MAX_HOPS} redirects from ${start}`);
}

/** A console session: the cookie header a browser would send, and the CSRF token the page reads for writes. */
export interface ConsoleSession {
  readonly cookie: string;
  readonly csrfToken: string | undefined;
  readonly user: unknown;
}

/**
 * Signs in to the console as a browser would, without one: `GET /auth/login`, the identity provider's login form,
 * back to `/auth/callback`, then `GET /api/session`. Fails unless the session is authenticated.
 */
export async function signInToConsole(
  consoleUrl: string,
  user: { username: string; password: string },
): Promise<ConsoleSession> {
  const jar = new CookieJar();
  const origin = new URL(consoleUrl).origin;
  // Arrived: back on the console past its callback (the callback itself must be requested to open the session).
  await walk(jar, `${origin}/auth/login`, user, (url) => {
    const target = new URL(url);
    return target.origin === origin && !target.pathname.startsWith('/auth/');
  });
  const session = await fetch(`${origin}/api/session`, { headers: { cookie: jar.header(origin) ?? '' } });
  const view = (await session.json()) as { authenticated?: boolean; csrfToken?: string; user?: unknown };
  if (view.authenticated !== true) throw new Error(`signed in as ${user.username}, but /api/session says no`);
  return { cookie: jar.header(origin) ?? '', csrfToken: view.csrfToken, user: view.user };
}

/**
 * An access token of `user` exactly as the console gets one (client `care-console`, its scopes and resource, the
 * authorization code flow with PKCE), with the code taken off the redirect to the console's callback and exchanged
 * here: the bearer token of the benchmark's direct calls to the services, the same calls the console makes.
 */
export async function consoleUserAccessToken(
  issuer: string,
  consoleUrl: string,
  user: { username: string; password: string },
): Promise<string> {
  const metadata = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
  };
  const redirectUri = `${new URL(consoleUrl).origin}/auth/callback`;
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const authorize = new URL(metadata.authorization_endpoint);
  for (const [key, value] of Object.entries({
    client_id: CONSOLE_CLIENT_ID,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: CONSOLE_SCOPES,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state,
    resource: CONSOLE_RESOURCE,
  }))
    authorize.searchParams.set(key, value);
  const callback = new URL(
    await walk(new CookieJar(), authorize.href, user, (url) => url.startsWith(redirectUri)),
  );
  const code = callback.searchParams.get('code');
  if (!callback.href.startsWith(redirectUri) || code === null || callback.searchParams.get('state') !== state)
    throw new Error(
      `the identity provider did not send a code back (${callback.origin}${callback.pathname})`,
    );
  const response = await fetch(metadata.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: CONSOLE_CLIENT_ID,
      code_verifier: verifier,
      resource: CONSOLE_RESOURCE,
    }).toString(),
  });
  const tokens = (await response.json()) as { access_token?: string };
  if (!response.ok || tokens.access_token === undefined)
    throw new Error(`token exchange answered ${response.status}`);
  return tokens.access_token;
}
