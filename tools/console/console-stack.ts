import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEV_PASSWORD } from '@care/auth';
import { createTestEnvironment, type TestEnvironment } from '@care/testing';
import type { Browser, Locator, Page } from 'playwright-core';
import { startPlatformStack, type PlatformStack } from '../stack/platform-stack';
import { launchChromium } from './browser';

/**
 * Where the browser tests put their screenshots: tmp/console-screenshots (ignored by git), or the folder
 * CONSOLE_SCREENSHOTS_DIR names; `CONSOLE_SCREENSHOTS_DIR=docs/console` retakes the ones the README shows.
 */
export const SCREENSHOTS = resolve(
  join(__dirname, '..', '..'),
  process.env['CONSOLE_SCREENSHOTS_DIR'] ?? join('tmp', 'console-screenshots'),
);

/** The whole platform with the console, and a browser, for the console's journeys. */
export interface ConsoleStack {
  readonly environment: TestEnvironment;
  readonly stack: PlatformStack;
  readonly browser: Browser;
  /** What people open: `http://localhost:<port>`, the console's public URL (its OIDC redirect URI's origin). */
  readonly consoleUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the stack as `npm start` runs it (every service its own process, compiled; the development identity
 * provider; the console) on a database and a topic prefix of its own on the run's PostgreSQL and broker (the stack
 * provisions its topics there, as on any external cluster), and Debian's Chromium.
 */
export async function startConsoleStack(
  serviceEnv: Readonly<Record<string, string>> = {},
): Promise<ConsoleStack> {
  const dir = mkdtempSync(join(tmpdir(), 'care-console-'));
  chmodSync(dir, 0o755);
  const environment = await createTestEnvironment();
  const saved = { databaseUrl: process.env['DATABASE_URL'], prefix: process.env['KAFKA_TOPIC_PREFIX'] };
  process.env['DATABASE_URL'] = environment.databaseUrl;
  process.env['KAFKA_TOPIC_PREFIX'] = environment.prefix;
  let stack: PlatformStack;
  try {
    stack = await startPlatformStack(() => undefined, {
      dir,
      ports: 'free',
      serviceEnv: {
        KAFKA_TOPIC_PREFIX: environment.prefix,
        OUTBOX_RELAY_POLL_MS: '50',
        KAFKA_SESSION_TIMEOUT_MS: '6000',
        LOG_LEVEL: 'warn',
        ...serviceEnv,
      },
    });
  } finally {
    process.env['DATABASE_URL'] = saved.databaseUrl;
    if (saved.prefix === undefined) delete process.env['KAFKA_TOPIC_PREFIX'];
    else process.env['KAFKA_TOPIC_PREFIX'] = saved.prefix;
  }
  const consoleService = stack.services.find((service) => service.name === 'console');
  if (consoleService === undefined) throw new Error('the stack did not start the console');
  const browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    environment,
    stack,
    browser,
    consoleUrl: `http://localhost:${consoleService.port}`,
    stop: async () => {
      await browser.close();
      await stack.stop();
      await environment.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the identity provider's own login form, in a new browser context, and lands on `path`. */
export async function signIn(console: ConsoleStack, username: string, path: string): Promise<Page> {
  const context = await console.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${console.consoleUrl}${path}`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(DEV_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${console.consoleUrl}${path}`);
  return page;
}

/** Polls `check` until it is true, failing after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not so within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Picks `option` from the select that `button` opens, and waits for its list to close. */
export async function choose(page: Page, button: Locator, option: RegExp): Promise<void> {
  await button.click();
  const list = page.getByRole('listbox');
  await list.waitFor();
  await list.getByRole('option', { name: option }).click();
  await list.waitFor({ state: 'hidden' });
}

/** A console API call from the signed-in page: its session cookie, and its CSRF token on a POST. */
export const apiCall = (page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<number> =>
  page.evaluate(
    async ({ method, target, body }) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken?: string };
      const response = await fetch(target, {
        method,
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          ...(method === 'POST' ? { 'x-csrf-token': session.csrfToken ?? '' } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return response.status;
    },
    { method, target: `/api${path}`, body },
  );

/** A console API GET from the signed-in page: its status, JSON body (null when not JSON) and Cache-Control. */
export const apiJson = (
  page: Page,
  path: string,
): Promise<{ status: number; body: unknown; cacheControl: string | null }> =>
  page.evaluate(async (target) => {
    const response = await fetch(target, { credentials: 'same-origin' });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    return { status: response.status, body, cacheControl: response.headers.get('cache-control') };
  }, `/api${path}`);
