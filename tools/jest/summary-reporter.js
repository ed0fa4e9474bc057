// Prints one plain closing line, "tests: N passed, N failed", that CI log readers understand
// whatever the runner, after the ten slowest test files of the run (where the suite's time goes).
// Jest's own summary stays above it.
const SLOWEST_SHOWN = 10;

class SummaryReporter {
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
