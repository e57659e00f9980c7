/**
 * Test and diagnostics only (`?overload=MS`): blocks the page thread MS ms, frees it 100 ms, and
 * again, the way a saturated post stalls, so tests can check that tiles stay live by dropping.
 */
export function startOverload(busyMs: number): void {
  const burn = (): void => {
    const until = performance.now() + busyMs;
    while (performance.now() < until) {
      /* busy */
    }
    setTimeout(burn, 100);
  };
  setTimeout(burn, 100);
}
