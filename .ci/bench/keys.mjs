// Keystroke latency, typed as a resident types into a search box: shared by
// the Chromium bench (run.mjs, Playwright) and the engines' (engines.mjs,
// WebDriver), whose pages offer the same few calls used here.

/**
 * Types each query key by key. Each key gives two latencies: to the paint of
 * its first change (or of the key alone, when the page did not change), and
 * to the paint after the page settled. The page's probe (run.mjs) keeps the times.
 */
export async function typeQueries(page, v, queries) {
  const box = page.locator(v.box);
  await box.click();
  const latencies = [];
  const settled = () => page.waitForFunction((quiet) => {
    const b = window.__bench;
    const last = Math.max(b.keyT0, b.changed);
    return performance.now() - last > quiet && b.painted > last;
  }, v.quietMs, { polling: 50, timeout: 60_000 });
  for (const q of queries) {
    for (const key of q) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await settled();
      latencies.push(await page.evaluate(() => {
        const b = window.__bench;
        return { shown: (b.firstPainted || b.painted) - b.keyT0, settled: b.painted - b.keyT0 };
      }));
    }
    await box.fill('');
    await settled();
  }
  return latencies;
}
