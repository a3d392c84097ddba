// `make bench`, in each engine residents use: the widget beside the static
// page in Chromium, Firefox ESR and WebKitGTK, driven through their WebDriver
// servers (tests/e2e/driver/), as ratios of each engine's widget to the same
// engine's static page. Time to content and keystroke latency only, CPU as is:
// throttling, heap sizes and the request log are Chromium's DevTools alone
// (run.mjs measures those).
//
// The probe (run.mjs) runs as the page's first script, written into a copy of
// each page, since WebDriver has no way to run a script before the page's own.
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINES } from '../../tests/e2e/driver/engines.mjs';
import { Page } from '../../tests/e2e/driver/page.mjs';
import { Session } from '../../tests/e2e/driver/webdriver.mjs';

/** Copies `variant`'s page for `slug` with the probe first in its head; returns its path. */
function probedPage(dir, variant, path, probe, options) {
  const probeFile = `probe-${variant}.js`;
  writeFileSync(join(dir, probeFile), `(${probe})(${JSON.stringify(options)});\n`);
  const copy = path.replace(/\.html$/, '.probed.html');
  const depth = path.split('/').length - 1;
  const html = readFileSync(join(dir, path), 'utf8').replace('<head>', `<head><script src="${'../'.repeat(depth)}${probeFile}"></script>`);
  writeFileSync(join(dir, copy), html);
  return copy;
}

/** Polls `fn` in the page every `every` ms: slowly, so the polling itself barely disturbs the page it times. */
async function until(page, fn, arg, every, timeout = 120_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() > deadline) throw new Error(`timed out: ${fn}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/**
 * Loads each page `loads` times in each engine; returns, per engine and
 * page, the median time to content and every key's latencies.
 */
export async function measureEngines({ server, dir, variants, slugs, probe, queries, loads, engines = Object.keys(ENGINES), say }) {
  const results = {};
  for (const id of engines) {
    const engine = ENGINES[id];
    const driver = await engine.driver({});
    results[id] = {};
    try {
      for (const slug of slugs) {
        for (const [name, v] of Object.entries(variants)) {
          const path = probedPage(dir, name, v.path(slug), probe, { content: v.content, box: v.box ?? null, ready: v.ready ?? null, afterTasks: v.afterTasks ?? false, signal: 'bench:loaded' });
          const contents = [];
          let keys = [];
          for (let load = 0; load < loads; load++) {
            const session = await Session.create(driver.url, engine.capabilities({}));
            const page = new Page(session, engine);
            try {
              await page.setViewportSize({ width: 1024, height: 900 });
              await page.goto(`${server.url}/${path}`);
              await until(page, () => window.__bench?.ready > 0, null, 250);
              contents.push(await page.evaluate(() => window.__bench.content));
              if (v.box && load === loads - 1) keys = await typeQueries(page, v, queries);
            } finally {
              await session.close();
            }
          }
          const median = [...contents].sort((a, b) => a - b)[Math.floor(contents.length / 2)];
          results[id][`${slug}/${name}`] = { content: median, keys };
          say?.(`  ${engine.name} ${slug} ${name}: content ${median.toFixed(0)} ms`);
        }
      }
    } finally {
      await driver.stop();
    }
  }
  return results;
}

/** Each query typed key by key; each key's latency to its first change painted and to the page settled. */
async function typeQueries(page, v, queries) {
  const box = page.locator(v.box);
  await box.click();
  const latencies = [];
  const settled = () => until(page, (quiet) => {
    const b = window.__bench;
    const last = Math.max(b.keyT0, b.changed);
    return performance.now() - last > quiet && b.painted > last;
  }, v.quietMs, 50, 60_000);
  for (const q of queries) {
    for (const key of q) {
      await page.keyboard.press(key);
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
