import { DEV_PASSWORD, DEV_USERS } from '@care/auth';
import { checkLogin, loginPage } from './login-page';

const form = (username: string, password: string): URLSearchParams =>
  new URLSearchParams({ username, password });

describe('the login step of the development identity provider', () => {
  it('signs in a seeded user with the development password', () => {
    expect(checkLogin(form('coach-ana', DEV_PASSWORD), DEV_USERS)?.username).toBe('coach-ana');
  });

  it.each([
    ['a wrong password', form('coach-ana', 'guess')],
    ['an unknown user', form('mallory', DEV_PASSWORD)],
    ['an empty form', new URLSearchParams()],
  ])('refuses %s', (_case, submitted) => {
    expect(checkLogin(submitted, DEV_USERS)).toBeUndefined();
  });

  it('escapes what it writes into the page', () => {
    const page = loginPage('a"b<c>', '<script>alert(1)</script>');
    expect(page).not.toContain('<script>');
    expect(page).toContain('&#60;script&#62;');
    expect(page).toContain('action="/interaction/a%22b%3Cc%3E/login"');
  });
});
