// Where the services a test file runs in process write their logs during `npm test` (LOG_FILE), so a passing run
// reads as passing; the summary reporter prints the end of the file of a test file that failed.
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const TEST_LOG_DIRECTORY = path.join(ROOT, 'tmp', 'test-logs');

/** The log file of one test file: tmp/test-logs/<path with / as __>.log */
function testLogPath(testFilePath) {
  const relative = path.relative(ROOT, testFilePath).split(path.sep).join('__');
  return path.join(TEST_LOG_DIRECTORY, `${relative}.log`);
}

module.exports = { TEST_LOG_DIRECTORY, testLogPath };
