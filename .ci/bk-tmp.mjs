import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
const slugs = process.argv.slice(2);
const server = await serve({ root: 'dist' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const QUERIES = ['cookies', 'public records', 'sell my data', 'facebook pixel', 'email encrypted'];
for (const slug of slugs) {
  const page = await browser.newPage();
  await page.goto(`${server.url}/?policy=${slug}`);
  await page.locator('privacy-policy .pp-header').waitFor();
  await page.evaluate(() => {
    window.__l = [];
    const ch = new MessageChannel();
    let pending = [];
    ch.port1.onmessage = () => { const now = performance.now(); for (const [k, t, w] of pending) window.__l.push([k, now - t, w]); pending = []; };
    window.addEventListener('keydown', (e) => {
      const t = e.timeStamp; const k = e.key;
      requestAnimationFrame(() => { const w = performance.now() - t; pending.push([k, t, w]); ch.port2.postMessage(0); });
    }, true);
  });
  const box = page.locator('privacy-policy #pp-search-input');
  for (let round = 0; round < 3; round++) for (const q of QUERIES) { await box.pressSequentially(q, { delay: 40 }); await box.press('Escape'); }
  await page.waitForTimeout(300);
  const l = await page.evaluate(() => window.__l);
  const st = (a) => { a = [...a].sort((x, y) => x - y); const p = (q) => a[Math.min(a.length - 1, Math.floor(q * a.length))].toFixed(1); return `median ${p(0.5)} p95 ${p(0.95)} max ${a[a.length-1].toFixed(1)}`; };
  console.log(slug, l.length, 'to rAF', st(l.map((x) => x[2])), '| after paint', st(l.map((x) => x[1])));
  console.log(JSON.stringify(l.map(([k, a, w]) => k + ':' + w.toFixed(0) + '/' + a.toFixed(0))).slice(0, 1500));
}
await browser.close(); server.close();
