import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';

/** Paths the backend answers itself; every other GET is the single-page app. */
const BACKEND_PREFIXES = ['/api', '/auth', '/health', '/metrics', '/docs', '/v1'];

/**
 * Where the built web app is (`npm run build` puts Vite's output in dist/console-web): next to the compiled
 * service's tree, or under dist/ when the service runs from its TypeScript sources.
 */
export function findWebDir(serviceDir: string): string | undefined {
  // serviceDir: <root>/services/console/src, or <root>/dist/services/console/src.
  const base = join(serviceDir, '..', '..', '..');
  return [join(base, 'console-web'), join(base, 'dist', 'console-web')].find((dir) =>
    existsSync(join(dir, 'index.html')),
  );
}

/**
 * Security headers (helmet) on everything but the OpenAPI page: a strict Content-Security-Policy (scripts and
 * connections to this origin only, no framing), no referrer, no MIME sniffing; HSTS where served over TLS.
 */
export function securityHeaders(secure: boolean): RequestHandler {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // React Aria and Recharts set style properties from script; no inline <style> or style="" markup is served.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'font-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        ...(secure ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: secure,
    referrerPolicy: { policy: 'no-referrer' },
  });
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.path.startsWith('/docs')) {
      next();
      return;
    }
    headers(request, response, next);
  };
}

/**
 * `Cache-Control: no-store` on every response under the path it is mounted on (/api): member data, the session's
 * CSRF token and the services' errors are never kept by the browser's cache or a shared proxy, whatever their status
 * (a 401 or 403 included). Set before the route runs, so every answer carries it.
 */
export function noStore(): RequestHandler {
  return (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('cache-control', 'no-store');
    next();
  };
}

/**
 * The built single-page app: hashed assets cached for a year, index.html never cached, and index.html for every
 * GET of a page path (client-side routes such as /members/M1) that is not one of the backend's.
 */
export function webApp(webDir: string): RequestHandler[] {
  const assets = express.static(webDir, {
    index: false,
    setHeaders: (response, path) => {
      response.setHeader(
        'cache-control',
        path.includes(join('assets', '')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const page: RequestHandler = (request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (BACKEND_PREFIXES.some((prefix) => request.path === prefix || request.path.startsWith(`${prefix}/`)))
      return next();
    response.setHeader('cache-control', 'no-store');
    response.sendFile(join(webDir, 'index.html'));
  };
  return [assets, page];
}
