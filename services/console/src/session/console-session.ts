import type { Role } from '@care/auth';

/** The person signed in to a session, as the console shows them (from their verified access token). */
export interface SessionUser {
  readonly subject: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly queues: readonly string[];
}

/** The tokens of a session: held by the backend only, never sent to the browser. */
export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly idToken?: string;
  /** Epoch milliseconds at which the access token expires. */
  readonly expiresAt: number;
}

/** A sign-in under way: what the callback must check (RFC 7636 verifier, state) and where to go afterwards. */
export interface PendingLogin {
  readonly codeVerifier: string;
  readonly state: string;
  readonly returnTo: string;
}

declare module 'express-session' {
  interface SessionData {
    login?: PendingLogin;
    tokens?: SessionTokens;
    user?: SessionUser;
    /** csrf-sync's synchroniser token. */
    csrfToken?: string;
  }
}

/**
 * Where to go after signing in: a path of the console only (starts with one `/`, no scheme, no host, no
 * backslash), so a crafted `returnTo` cannot send a user elsewhere (open redirect).
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 512) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  if (/[\u0000-\u001f]/.test(value)) return '/';
  return value;
}
