import { CookieJar } from './cookie-jar';

describe('the console benchmark cookie jar', () => {
  const idp = 'http://localhost:4001/interaction/abc';
  const consoleUrl = 'http://localhost:4002/auth/callback';

  it('sends a cookie back to the origin that set it, with its attributes left out', () => {
    const jar = new CookieJar();
    jar.store(consoleUrl, ['sid=s%3Aabc.def; Path=/; HttpOnly; SameSite=Lax', 'theme=dark']);
    expect(jar.header('http://localhost:4002/api/members/M1')).toBe('sid=s%3Aabc.def; theme=dark');
  });

  it('keeps two ports of one host apart', () => {
    const jar = new CookieJar();
    jar.store(idp, ['_session=idp-value; path=/']);
    jar.store(consoleUrl, ['sid=console-value']);
    expect(jar.header('http://localhost:4001/auth')).toBe('_session=idp-value');
    expect(jar.header('http://localhost:4002/')).toBe('sid=console-value');
    expect(jar.header('http://localhost:4003/')).toBeUndefined();
  });

  it('replaces a cookie set again and keeps a value that contains =', () => {
    const jar = new CookieJar();
    jar.store(consoleUrl, ['sid=first']);
    jar.store(consoleUrl, ['sid=second==; Path=/']);
    expect(jar.header(consoleUrl)).toBe('sid=second==');
  });

  it.each([
    ['Max-Age=0', 'sid=; Max-Age=0'],
    ['an Expires in the past', 'sid=gone; expires=Thu, 01 Jan 1970 00:00:00 GMT'],
  ])('deletes a cookie on %s', (_, deletion) => {
    const jar = new CookieJar();
    jar.store(consoleUrl, ['sid=value', 'other=kept']);
    jar.store(consoleUrl, [deletion], Date.parse('2026-12-07T00:00:00Z'));
    expect(jar.header(consoleUrl)).toBe('other=kept');
  });

  it('keeps a cookie whose Expires lies ahead and ignores a header without a name', () => {
    const jar = new CookieJar();
    jar.store(
      consoleUrl,
      ['sid=value; Expires=Wed, 01 Jan 2031 00:00:00 GMT', '=nameless', 'novalue'],
      Date.parse('2026-12-07T00:00:00Z'),
    );
    expect(jar.header(consoleUrl)).toBe('sid=value');
  });
});
