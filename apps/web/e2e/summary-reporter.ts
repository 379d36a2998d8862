import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";

/**
 * Prints the run's closing line, `e2e: N passed, N failed[, N skipped]` (a flaky test counts as
 * failed: retries are off, so none should be), after the list reporter's own summary.
 */
export default class SummaryReporter implements Reporter {
  private readonly outcomes = new Map<string, ReturnType<TestCase["outcome"]>>();

  onTestEnd(test: TestCase, _result: TestResult): void {
    this.outcomes.set(test.id, test.outcome());
  }

  onEnd(result: FullResult): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const outcome of this.outcomes.values()) {
      if (outcome === "expected") passed += 1;
      else if (outcome === "skipped") skipped += 1;
      else failed += 1;
    }
    // A run that could not start (global setup failed) or timed out ran nothing to blame: count it.
    if (result.status !== "passed" && failed === 0) failed = 1;
    const tail = skipped > 0 ? `, ${skipped} skipped` : "";
    process.stdout.write(`e2e: ${passed} passed, ${failed} failed${tail}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
