import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import { csrfSync } from 'csrf-sync';
import type { Pool } from 'pg';
import type { SessionTokens } from './console-session';
import type { OidcLogin } from './oidc-login';

/** The session cookie's name: `__Host-` where the console is served over TLS (host-only, Secure, path /). */
export const sessionCookieName = (secure: boolean): string =>
  secure ? '__Host-care-console' : 'care-console';

/** The header a write must carry with the session's CSRF token (GET /api/session hands it out). */
export const CSRF_HEADER = 'x-csrf-token';

const REFRESH_MARGIN_MS = 30_000;

/** A session in use has its expiry written at most this often: the idle limit holds to within a minute. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

export interface SessionMiddlewareOptions {
  readonly pool: Pool;
  readonly schema: string;
  readonly secret: string;
  readonly secure: boolean;
  readonly idleMinutes: number;
}

/**
 * Makes `store.touch`, the rolling expiry's write that express-session asks for on every request, write a session
 * at most once per `intervalMs` in this process: a console page makes several requests a second, and each was an
 * UPDATE of the session's row. A session's row may then expire up to `intervalMs` before its cookie would; a write
 * that failed is tried again on the next request. Sessions not touched for an interval are forgotten (checked at
 * most once an interval), so the memory held follows the sessions in use.
 */
export function throttleTouch<S extends session.Store>(
  store: S,
  intervalMs: number,
  now: () => number = Date.now,
): S {
  const touch = store.touch?.bind(store);
  if (touch === undefined) return store;
  const touched = new Map<string, number>();
  let forgotten = now();
  store.touch = (sid, data, callback) => {
    const at = now();
    const last = touched.get(sid);
    if (last !== undefined && at - last < intervalMs) {
      callback?.();
      return;
    }
    if (at - forgotten >= intervalMs) {
      for (const [id, when] of touched) if (at - when >= intervalMs) touched.delete(id);
      forgotten = at;
    }
    touched.set(sid, at);
    // The store answers with its error, if any (connect-pg-simple does; express-session's types leave it out).
    const answer: (error?: unknown) => void = callback ?? (() => undefined);
    touch(sid, data, (error?: unknown) => {
      if (error !== undefined && error !== null) touched.delete(sid);
      answer(error);
    });
  };
  return store;
}

/**
 * Server-side sessions (express-session) kept in PostgreSQL (connect-pg-simple, table `<schema>.sessions`, which
 * the console's migration creates). The browser holds only the signed session id: httpOnly, SameSite=Lax (the
 * identity provider's redirect back is a top-level GET), Secure and `__Host-` over TLS. A session ends after
 * `idleMinutes` without a request (rolling expiry, written at most once a minute: {@link throttleTouch}); expired
 * rows are pruned by the store.
 */
export function sessionMiddleware(options: SessionMiddlewareOptions): RequestHandler {
  const PgStore = connectPgSimple(session);
  return session({
    name: sessionCookieName(options.secure),
    secret: options.secret,
    store: throttleTouch(
      new PgStore({
        pool: options.pool,
        schemaName: options.schema,
        tableName: 'sessions',
        createTableIfMissing: false,
      }),
      SESSION_TOUCH_INTERVAL_MS,
    ),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: options.secure,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secure,
      path: '/',
      maxAge: options.idleMinutes * 60_000,
    },
  });
}

const csrf = csrfSync({
  getTokenFromRequest: (request: Request) => {
    const value = request.headers[CSRF_HEADER];
    return typeof value === 'string' ? value : undefined;
  },
});

/** The session's CSRF token (made on first use). */
export const csrfTokenOf = (request: Request): string => csrf.generateToken(request);

/**
 * Synchroniser-token CSRF protection (csrf-sync) on every write: POST, PUT, PATCH and DELETE must carry the
 * session's token in `x-csrf-token`, which a page of another origin cannot read. Refused with 403 `csrf-invalid`.
 */
export function csrfProtection(): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    csrf.csrfSynchronisedProtection(request, response, (error?: unknown) => {
      if (error === undefined) {
        next();
        return;
      }
      response.status(403).json({
        statusCode: 403,
        error: 'Forbidden',
        code: 'csrf-invalid',
        message: `a write needs the session's CSRF token in ${CSRF_HEADER}`,
      });
    });
  };
}

/**
 * For the console's API: the session's access token as the request's bearer token, so the one access guard of
 * @care/auth checks it and the services see the signed-in user. A token about to expire is refreshed first (one
 * refresh at a time per session); a failed refresh ends the sign-in (the guard answers 401 and the page signs in
 * again). A bearer token sent by the browser itself is dropped: the browser never holds tokens.
 */
export function sessionBearer(login: OidcLogin): RequestHandler {
  const refreshing = new Map<string, Promise<SessionTokens>>();
  return (request: Request, _response: Response, next: NextFunction) => {
    delete request.headers.authorization;
    const tokens = request.session?.tokens;
    if (tokens === undefined) {
      next();
      return;
    }
    if (tokens.expiresAt - REFRESH_MARGIN_MS > Date.now()) {
      request.headers.authorization = `Bearer ${tokens.accessToken}`;
      next();
      return;
    }
    const signOut = (): void => {
      delete request.session.tokens;
      delete request.session.user;
      next();
    };
    if (tokens.refreshToken === undefined) {
      signOut();
      return;
    }
    const id = request.sessionID;
    let pending = refreshing.get(id);
    if (pending === undefined) {
      pending = login.refresh(tokens.refreshToken).finally(() => refreshing.delete(id));
      refreshing.set(id, pending);
    }
    pending.then(
      (fresh) => {
        request.session.tokens = fresh;
        request.headers.authorization = `Bearer ${fresh.accessToken}`;
        next();
      },
      () => signOut(),
    );
  };
}
