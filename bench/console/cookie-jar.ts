/**
 * A browser's cookie jar, as small as the console benchmark needs: cookies kept per origin (scheme, host and port,
 * so the identity provider's and the console's cookies on two ports of localhost never mix) and sent back to that
 * origin. It honours deletion (`Max-Age` <= 0 or an `Expires` in the past); it ignores `Path`, `Domain`, `Secure`
 * and `SameSite` (every request here is first-party, over plain http, to the origin that set the cookie), so it is
 * not a general-purpose jar.
 */
export class CookieJar {
  private readonly byOrigin = new Map<string, Map<string, string>>();

  /** Takes the `Set-Cookie` headers of a response from `url`. */
  store(url: string, setCookieHeaders: readonly string[], now = Date.now()): void {
    const origin = new URL(url).origin;
    const cookies = this.byOrigin.get(origin) ?? new Map<string, string>();
    this.byOrigin.set(origin, cookies);
    for (const header of setCookieHeaders) {
      const [pair = '', ...attributes] = header.split(';');
      const equals = pair.indexOf('=');
      if (equals <= 0) continue;
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      if (isExpired(attributes, now)) cookies.delete(name);
      else cookies.set(name, value);
    }
  }

  /** The `Cookie` header for a request to `url`, or undefined when the jar holds nothing for its origin. */
  header(url: string): string | undefined {
    const cookies = this.byOrigin.get(new URL(url).origin);
    if (cookies === undefined || cookies.size === 0) return undefined;
    return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

function isExpired(attributes: readonly string[], now: number): boolean {
  for (const attribute of attributes) {
    const equals = attribute.indexOf('=');
    const key = (equals < 0 ? attribute : attribute.slice(0, equals)).trim().toLowerCase();
    const value = equals < 0 ? '' : attribute.slice(equals + 1).trim();
    if (key === 'max-age' && Number(value) <= 0) return true;
    if (key === 'expires' && Date.parse(value) <= now) return true;
  }
  return false;
}
