// Integration test files start services in process; their logs go to the test file's own log file instead of
// the run's output (the summary reporter prints its end when the file fails). Services a test spawns as processes
// keep theirs in the test's capture (spawnService drops LOG_FILE).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS helper shared with the reporter
const { testLogPath } = require('./test-log-path') as { testLogPath: (testFilePath: string) => string };

const testPath = expect.getState().testPath;
if (testPath !== undefined && process.env['TEST_LOGS_TO_CONSOLE'] !== 'true') {
  process.env['LOG_FILE'] = testLogPath(testPath);
}
