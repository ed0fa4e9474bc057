/** The signed-in user, as the console's backend describes the session (it never hands out a token). */
export interface SessionUser {
  readonly subject: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly queues: readonly string[];
}
export interface SessionView {
  readonly authenticated: boolean;
  readonly user?: SessionUser;
  readonly csrfToken?: string;
}

/** An answer that was not 2xx: the status and the service's error body (which names fields, never members). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(messageOf(status, body));
  }
}

function messageOf(status: number, body: unknown): string {
  if (typeof body === 'object' && body !== null) {
    const record = body as { message?: unknown; issues?: Array<{ field: string; messages: string[] }> };
    if (Array.isArray(record.issues) && record.issues.length > 0)
      return record.issues.map((issue) => `${issue.field}: ${issue.messages.join(', ')}`).join('; ');
    if (typeof record.message === 'string') return record.message;
  }
  return `request failed (${status})`;
}

let csrfToken: string | undefined;

/** Sends the browser to sign in, coming back to the page it is on. */
export function signIn(): void {
  const here = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/auth/login?returnTo=${encodeURIComponent(here)}`);
}

export async function loadSession(): Promise<SessionView> {
  const response = await fetch('/api/session', { credentials: 'same-origin' });
  const session = (await response.json()) as SessionView;
  csrfToken = session.csrfToken;
  return session;
}

/** A call to the console's backend: the session cookie, and the CSRF token on writes. 401 signs in again. */
export async function api<T>(
  path: string,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/api${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (response.status === 401) {
    signIn();
    throw new ApiError(401, null);
  }
  const text = await response.text();
  const body: unknown = text === '' ? null : JSON.parse(text);
  if (!response.ok) throw new ApiError(response.status, body);
  return body as T;
}

/** Ends the session here and at the identity provider. */
export async function signOut(): Promise<void> {
  const response = await fetch('/auth/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: csrfToken === undefined ? {} : { 'x-csrf-token': csrfToken },
  });
  const answer = response.ok ? ((await response.json()) as { redirectTo: string }) : { redirectTo: '/' };
  window.location.assign(answer.redirectTo);
}
