// Prints one plain closing line, "tests: N passed, N failed", that CI log readers understand
// whatever the runner. Jest's own summary stays above it.
class SummaryReporter {
  onRunComplete(_contexts, results) {
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
