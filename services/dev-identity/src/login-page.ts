import { createHash, timingSafeEqual } from 'node:crypto';
import type { DevUser } from '@care/auth';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** The login form of an authorization request (`uid`: the interaction), with an error line after a failed try. */
export function loginPage(uid: string, error: string | undefined): string {
  const action = `/interaction/${encodeURIComponent(uid)}/login`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in: care platform (development)</title>
<style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:4rem auto}label{display:block;margin:.75rem 0}
input{width:100%;padding:.4rem}p.error{color:#b00020}p.note{color:#555;font-size:.9rem}</style></head>
<body>
<h1>Sign in</h1>
<p class="note">Development identity provider: seeded users only, never for real data.</p>
${error === undefined ? '' : `<p class="error" role="alert">${escapeHtml(error)}</p>`}
<form method="post" action="${escapeHtml(action)}">
<label>Username <input name="username" autocomplete="username" required autofocus></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>
</body>
</html>`;
}

/**
 * The seeded user a login form names, when its password is right; undefined otherwise (an unknown user and a wrong
 * password look alike). Passwords are compared in constant time.
 */
export function checkLogin(form: URLSearchParams, users: readonly DevUser[]): DevUser | undefined {
  const username = form.get('username') ?? '';
  const password = form.get('password') ?? '';
  const user = users.find((candidate) => candidate.username === username);
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  const matches = timingSafeEqual(digest(user?.password ?? '\u0000no user'), digest(password));
  return user !== undefined && matches ? user : undefined;
}
