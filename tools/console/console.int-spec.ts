import { opsJourneys } from './console-ops.journeys';
import { startConsoleStack, type ConsoleStack } from './console-stack';
import { workJourneys } from './console-work.journeys';

/**
 * The care console as its users meet it: the whole platform (every service its own process, the broker,
 * PostgreSQL, the development identity provider, the console) and Debian's Chromium driven by Playwright. One stack
 * for every journey; the coaches', advocates' and supervisors' journeys run first, then the ops pages'.
 */
describe('the care console in a browser', () => {
  let platform: ConsoleStack | undefined;
  const get = (): ConsoleStack => {
    if (platform === undefined) throw new Error('the console stack did not start');
    return platform;
  };

  beforeAll(async () => {
    // Ops samples topic offsets and lag every 2 s here (15 s by default), so rates and the chart show quickly.
    platform = await startConsoleStack({ CONSOLE_OPS_SAMPLE_SECONDS: '2' });
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
  }, 120_000);

  describe('coaches, advocates and supervisors', () => workJourneys(get));
  describe('the ops team', () => opsJourneys(get));
});
