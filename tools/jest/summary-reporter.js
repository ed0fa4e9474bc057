// Prints one plain closing line, "tests: N passed, N failed", that CI log readers understand
// whatever the runner, after the ten slowest test files of the run (where the suite's time goes).
// Jest's own summary stays above it.
const fs = require('node:fs');
const { TEST_LOG_DIRECTORY, testLogPath } = require('./test-log-path');

const SLOWEST_SHOWN = 10;
/** Lines of service log shown for a test file that failed (the whole file stays in tmp/test-logs). */
const LOG_LINES_SHOWN = 80;

class SummaryReporter {
  onRunStart() {
    fs.rmSync(TEST_LOG_DIRECTORY, { recursive: true, force: true });
    fs.mkdirSync(TEST_LOG_DIRECTORY, { recursive: true });
  }

  onTestResult(_test, result) {
    if (result.numFailingTests === 0 && result.testExecError === undefined) return;
    const file = testLogPath(result.testFilePath);
    if (!fs.existsSync(file)) return;
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    const shown = lines.slice(-LOG_LINES_SHOWN);
    process.stdout.write(
      `\nservice logs of ${result.testFilePath.replace(`${process.cwd()}/`, '')} ` +
        `(last ${shown.length} of ${lines.length} lines; all in ${file.replace(`${process.cwd()}/`, '')}):\n` +
        `${shown.join('\n')}\n`,
    );
  }

  onRunComplete(_contexts, results) {
    const files = results.testResults
      .map((file) => ({
        path: file.testFilePath.replace(`${process.cwd()}/`, ''),
        seconds: (file.perfStats.end - file.perfStats.start) / 1000,
      }))
      .filter((file) => Number.isFinite(file.seconds))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, SLOWEST_SHOWN);
    if (files.length > 1) {
      process.stdout.write(`\nslowest test files:\n`);
      for (const file of files) {
        process.stdout.write(`${file.seconds.toFixed(1).padStart(8)} s  ${file.path}\n`);
      }
    }
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + (results.numRuntimeErrorTestSuites || 0);
    process.stdout.write(
      `\ntests: ${results.numPassedTests} passed, ${failed} failed` +
        (skipped ? `, ${skipped} skipped` : '') +
        '\n',
    );
  }
}
module.exports = SummaryReporter;
