// Keystroke-to-paint latency of search in Chromium: from a key's `keydown` in
// the search box to the first animation frame after the results changed.
// Run after `make dist`:  node .ci/bench-keystroke.mjs [policy-slug …]
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const slugs = process.argv.slice(2).length ? process.argv.slice(2) : ['massgov-2016'];
const server = await serve({ root: 'dist' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const QUERIES = ['cookies', 'public records', 'sell my data', 'facebook pixel', 'email encrypted'];
for (const slug of slugs) {
  const page = await browser.newPage();
  await page.goto(`${server.url}/?policy=${slug}`);
  await page.locator('privacy-policy .pp-header').waitFor();
  await page.evaluate(() => {
    const root = document.querySelector('privacy-policy').shadowRoot;
    const box = root.querySelector('#pp-search-input');
    window.__latencies = [];
    window.__script = [];
    let start = 0;
    box.addEventListener('keydown', () => { start = performance.now(); }, true);
    new MutationObserver(() => {
      if (!start) return;
      const t0 = start;
      start = 0;
      window.__script.push(performance.now() - t0);
      requestAnimationFrame(() => window.__latencies.push(performance.now() - t0));
    }).observe(root.querySelector('.pp-sections'), { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const box = page.locator('privacy-policy #pp-search-input');
  for (let round = 0; round < 3; round++) {
    for (const q of QUERIES) {
      await box.pressSequentially(q, { delay: 40 });
      await box.press('Escape');
    }
  }
  const summary = (values) => {
    const v = [...values].sort((a, b) => a - b);
    const pct = (p) => v[Math.min(v.length - 1, Math.floor((p / 100) * v.length))].toFixed(1);
    return `median ${pct(50)} ms, p95 ${pct(95)} ms`;
  };
  const { latencies, script } = await page.evaluate(() => ({ latencies: window.__latencies, script: window.__script }));
  console.log(`${slug}: ${latencies.length} keystrokes; keystroke to DOM updated: ${summary(script)}; to next frame: ${summary(latencies)}`);
  await page.close();
}
await browser.close();
server.close();
