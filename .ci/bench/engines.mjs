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
import { typeQueries } from './keys.mjs';

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
              // Polled slowly, so the polling itself barely disturbs the start-up it times.
              await page.waitForFunction(() => window.__bench?.ready > 0, null, { polling: 250, timeout: 120_000 });
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
