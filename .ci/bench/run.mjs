// `make bench`: the widget beside what a site would use instead, in one run on
// one machine, in headless Chromium. For each policy size (Mass.gov 2016 ×1,
// ×10, ×40 ≈ 1 MB, ×100) and each CPU speed (as is, and throttled 4× for a
// mid-range phone) it loads four pages, and two floors of a wasm widget for
// its time to content (floor.mjs), and prints a table:
//   transfer   gzip and brotli bytes of every file the page fetched (HTML, JS,
//              wasm, CSS, bundle, search index), loading and searching
//   content    navigation → the first frame with the policy's sections on screen
//   ready      navigation → the first frame where search can be typed into
//   keystroke  keydown → the first frame that shows the key's results (its
//              first change to the page painted), and keydown → the first frame
//              painted after the page stopped changing for it (settled: a
//              long search can open its sections over several tasks); median
//              and p95 over every typed key
//   memory     JS heap (after a GC) plus wasm memory, after load
// Then keystrokes alone on each of the five seed policies, widget beside
// MiniSearch, typed on every load (SEED_LOADS × the queries' keys per seed).
// Results go to stdout and target/bench/results.md; docs/performance.md keeps
// the last recorded run.
// Last, time to content and keystrokes in each engine (Chromium, Firefox,
// WebKit) at ×1 and ×10, each engine's widget beside its own static page
// (engines.mjs).
// Usage: node .ci/bench/run.mjs [--quick] [--only=widget,static] [--scales=1,100] [--throttles=1,4] [--seeds=no|only]
//          [--engines=chromium,firefox,webkit|no] [--dist=dist]
// --dist measures another build of the widget (a variant to compare with).
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve } from '../serve.mjs';
import { buildSite, scaled } from './site.mjs';
import { buildFloors } from './floor.mjs';
import { measureEngines } from './engines.mjs';
import { typeQueries } from './keys.mjs';
import { CHROMIUM_ARGS } from '../../tests/e2e/driver/engines.mjs';

const quick = process.argv.includes('--quick');
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1].split(',');
const SCALES = (option('scales') ?? (quick ? [1, 100] : [1, 10, 40, 100])).map(Number);
const THROTTLES = (option('throttles') ?? (quick ? [1] : [1, 4])).map(Number);
// Page loads per page and size; the median time is reported. Seven, not three:
// a load's times vary by ±30 % on a shared machine, and the static floor's
// median over three moved by a third between runs, and the ratios with it.
const LOADS = 7;
const SEED_LOADS = 3; // page loads per seed, with every key typed on each
const QUERIES = ['cookies', 'public records', 'sell my data'];
const DIR = 'target/bench/site';
/** What the probe logs once a page's content and readiness are timed. */
const LOADED = 'bench:loaded';

/** How each page shows its content and its search box. */
const VARIANTS = {
  // The widget builds its search index in a task after its first paint: it is
  // ready once that has run (`afterTasks`).
  widget: { path: (c) => `widget/${c}.html`, content: '.pp-section', box: 'privacy-policy #pp-search-input', quietMs: 250, afterTasks: true },
  // The same, with the policy's HTML inside the element (`policy-widget render`):
  // the page shows it until the widget shows the policy.
  'widget-fallback': { path: (c) => `widget/${c}-fallback.html`, content: '.pp-section, section[id]', box: 'privacy-policy #pp-search-input', quietMs: 250, afterTasks: true },
  static: { path: (c) => `static/${c}.html`, content: 'details' },
  minisearch: { path: (c) => `minisearch/${c}.html`, content: 'details', box: '#search', ready: '__searchReady', quietMs: 250 },
  // Pagefind's UI waits 300 ms after typing before it searches.
  pagefind: { path: (c) => `pagefind/${c}/index.html`, content: 'details', box: '.pagefind-ui__search-input', quietMs: 600 },
  // The least a wasm widget does before its content shows (floor.mjs), without
  // and with Yew: what the platform and the framework cost, apart from the widget.
  'floor-wasm': { path: (c) => `floor-wasm/${c}.html`, content: '.pp-section' },
  'floor-yew': { path: (c) => `floor-yew/${c}.html`, content: '.pp-section' },
};

/** Runs in the page before its own scripts: time content, readiness and paints. */
function probe({ content, box, ready, afterTasks, signal }) {
  const b = (window.__bench = { content: 0, ready: 0, keyT0: 0, changed: 0, painted: 0, firstChange: 0, firstPainted: 0, memories: [] });
  // Wasm memory lives outside the JS heap: keep each instance's, to count it
  // (found by type: the widget's build gives its exports one-letter names).
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = (...args) => original(...args).then((result) => {
      const memory = Object.values(result.instance?.exports ?? {}).find((e) => e instanceof WebAssembly.Memory);
      if (memory) b.memories.push(memory);
      return result;
    });
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    b.painted = performance.now();
    if (b.firstChange && !b.firstPainted) b.firstPainted = b.painted;
  };
  // A message posted from requestAnimationFrame arrives after that frame's paint.
  const afterPaint = () => requestAnimationFrame(() => channel.port2.postMessage(0));
  const observer = new MutationObserver(() => {
    b.changed = performance.now();
    b.firstChange ||= b.changed;
    afterPaint();
  });
  addEventListener('keydown', (e) => {
    Object.assign(b, { keyT0: e.timeStamp, firstChange: 0, firstPainted: 0 });
    afterPaint();
  }, true);
  // Tells the harness through the console, not through a function it polls:
  // Playwright's polling injects its own script into the page, which took the
  // main thread 20–40 ms in the middle of the widget's start-up.
  // Keystrokes change the page from here on: in the widget's shadow root, which
  // an observer of the document does not see into.
  const loaded = (at) => {
    b.ready = at;
    observer.observe(root() === document ? document.body : root(), { subtree: true, childList: true, characterData: true, attributes: true });
    console.log(signal);
  };
  const root = () => document.querySelector('privacy-policy')?.shadowRoot ?? document;
  const poll = () => {
    const shown = root().querySelector(content);
    if (!b.content && shown && shown.getBoundingClientRect().height > 0) b.content = performance.now();
    const usable = box ? root().querySelector(box.split(' ').pop()) : true;
    if (!b.ready && !b.waiting && b.content && usable && (!ready || window[ready])) {
      if (afterTasks) {
        // Ready from when the main thread is free of long tasks, once it has
        // stayed so for 100 ms: a chain of zero-delay timers that notices
        // any task longer than 50 ms running between two of its links.
        b.waiting = true;
        let quietSince = performance.now();
        let last = quietSince;
        const link = () => setTimeout(() => {
          const now = performance.now();
          if (now - last > 50) quietSince = now;
          last = now;
          if (now - quietSince >= 100) loaded(quietSince);
          else link();
        }, 0);
        link();
      } else {
        loaded(performance.now());
      }
    }
    if (!b.content || (!b.ready && !b.waiting)) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const p95 = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(0.95 * s.length))]; };
const sizeCache = new Map();
function compressed(file) {
  if (!sizeCache.has(file)) {
    const data = readFileSync(file);
    sizeCache.set(file, {
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizeCache.get(file);
}

async function measure(browser, server, variant, slug, throttle, { keysEveryLoad = false, loads = LOADS } = {}) {
  const v = VARIANTS[variant];
  const url = `${server.url}/${v.path(slug)}`;
  const contents = [], readies = [];
  let transfer, memory, keys = [];
  for (let load = 0; load < loads; load++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    const files = new Set();
    page.on('requestfinished', (r) => files.add(new URL(r.url()).pathname));
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(probe, { content: v.content, box: v.box ?? null, ready: v.ready ?? null, afterTasks: v.afterTasks ?? false, signal: LOADED });
    const loaded = page.waitForEvent('console', { predicate: (m) => m.text() === LOADED, timeout: 120_000 });
    await page.goto(url, { waitUntil: 'commit' });
    await loaded;
    const t = await page.evaluate(() => ({ content: window.__bench.content, ready: window.__bench.ready }));
    contents.push(t.content);
    readies.push(t.ready);
    if (keysEveryLoad && v.box) keys.push(...await typeQueries(page, v, QUERIES));
    if (load === loads - 1) {
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const wasm = await page.evaluate(() => window.__bench.memories.reduce((sum, m) => sum + m.buffer.byteLength, 0));
      memory = heap.usedSize + wasm;
      if (v.box && !keysEveryLoad) keys = await typeQueries(page, v, QUERIES);
      transfer = [...files].reduce((sum, f) => {
        const c = compressed(join(DIR, f));
        return { gzip: sum.gzip + c.gzip, brotli: sum.brotli + c.brotli };
      }, { gzip: 0, brotli: 0 });
    }
    if (errors.length) throw new Error(`${variant} ${slug}: ${errors.join('; ')}`);
    await context.close();
  }
  return { transfer, content: median(contents), ready: median(readies), keys, memory };
}

const kb = (n) => `${(n / 1024).toFixed(1)}`;
const shown = (keys) => keys.map((k) => k.shown);
const settled = (keys) => keys.map((k) => k.settled);
/** "median / p95" of some keys' latencies, or a dash for a page without search. */
const spread = (v) => (v.length ? `${ms(median(v))} / ${ms(p95(v))}` : '–');
const ms = (n) => (n === undefined ? '–' : n.toFixed(0));

// The alternatives come from npm, into their own folder: they are not the
// project's dependencies, and Pagefind's lock entries name binaries for every
// platform, which would break `npm ci` where the registry lacks one.
const TOOLS = 'target/bench/npm';
execFileSync('npm', ['install', '--prefix', TOOLS, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', 'minisearch@7.2.0', 'pagefind@1.6.0'], { stdio: 'inherit' });

const started = Date.now();
const base = JSON.parse(readFileSync('www/policies/massgov-2016.json', 'utf8'));
const seedsOption = option('seeds')?.[0];
const cases = seedsOption === 'only' ? [] : SCALES.map((times) => ({ times, slug: `massgov-2016-x${times}`, bundle: scaled(base, times) }));
const SEEDS = ['concord', 'westfield', 'massgov-2016', 'massgov-2002', 'cambridge-schools'];
const seeds = seedsOption === 'no' ? [] : SEEDS.map((slug) => ({ slug: `seed-${slug}`, bundle: JSON.parse(readFileSync(`www/policies/${slug}.json`, 'utf8')) }));
const FLOORS = 'target/bench/floor';
buildFloors(FLOORS);
buildSite({ dir: DIR, dist: option('dist')?.[0] ?? 'dist', cases: [...cases, ...seeds], tools: `${TOOLS}/node_modules`, floors: FLOORS });
const server = await serve({ root: DIR });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
const lines = [];
const say = (s = '') => { console.log(s); lines.push(s); };
say(`Machine: ${cpus()[0].model}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB; Chromium ${browser.version()}; ${new Date().toISOString().slice(0, 10)}`);
const results = {};
for (const throttle of THROTTLES) {
  for (const { times, slug, bundle } of cases) {
    const bytes = JSON.stringify(bundle).length;
    say();
    say(`### Mass.gov 2016 ×${times} (bundle ${kb(bytes)} KB raw), CPU ${throttle === 1 ? 'as is' : `throttled ${throttle}×`}`);
    say();
    say('| page | transfer gzip KB | brotli KB | content ms | ready ms | key → results shown ms, median / p95 | key → settled ms, median / p95 | memory MB |');
    say('|---|---:|---:|---:|---:|---:|---:|---:|');
    const row = {};
    for (const variant of option('only') ?? Object.keys(VARIANTS)) {
      const r = await measure(browser, server, variant, slug, throttle);
      row[variant] = r;
      say(`| ${variant} | ${kb(r.transfer.gzip)} | ${kb(r.transfer.brotli)} | ${ms(r.content)} | ${ms(r.ready)} | ${spread(shown(r.keys))} | ${spread(settled(r.keys))} | ${(r.memory / 2 ** 20).toFixed(1)} |`);
    }
    results[`${slug}@${throttle}x`] = row;
    const w = row.widget;
    if (!w || ['static', 'minisearch', 'pagefind', 'floor-yew'].some((v) => !row[v])) continue;
    const ratio = (a, b) => (b ? (a / b).toFixed(2) : '–');
    say();
    const fallback = row['widget-fallback'] ? `widget-fallback÷static ${ratio(row['widget-fallback'].content, row.static.content)}, ` : '';
    say(`Ratios: content widget÷static ${ratio(w.content, row.static.content)}, ${fallback}floor-wasm÷static ${ratio(row['floor-wasm'].content, row.static.content)}, floor-yew÷static ${ratio(row['floor-yew'].content, row.static.content)}, widget÷floor-yew ${ratio(w.content, row['floor-yew'].content)}; ` +
      `transfer (gzip) widget÷static ${ratio(w.transfer.gzip, row.static.transfer.gzip)}, ÷minisearch ${ratio(w.transfer.gzip, row.minisearch.transfer.gzip)}, ÷pagefind ${ratio(w.transfer.gzip, row.pagefind.transfer.gzip)}; ` +
      `key → results shown p95 widget÷minisearch ${ratio(p95(shown(w.keys)), p95(shown(row.minisearch.keys)))}, ÷pagefind ${ratio(p95(shown(w.keys)), p95(shown(row.pagefind.keys)))}; ` +
      `key → settled p95 widget÷minisearch ${ratio(p95(settled(w.keys)), p95(settled(row.minisearch.keys)))}, ÷pagefind ${ratio(p95(settled(w.keys)), p95(settled(row.pagefind.keys)))}`);
  }
}
if (seeds.length) {
  say();
  say(`### Keystrokes on each seed policy, CPU as is (${SEED_LOADS} loads × ${QUERIES.map((q) => `"${q}"`).join(', ')})`);
  say();
  say('| policy | widget: key → results shown ms, median / p95 | widget: key → settled, median / p95 | minisearch: key → results shown, median / p95 |');
  say('|---|---:|---:|---:|');
  for (const { slug } of seeds) {
    const row = {};
    for (const variant of ['widget', 'minisearch']) row[variant] = (await measure(browser, server, variant, slug, 1, { keysEveryLoad: true, loads: SEED_LOADS })).keys;
    say(`| ${slug.replace('seed-', '')} | ${spread(shown(row.widget))} | ${spread(settled(row.widget))} | ${spread(shown(row.minisearch))} |`);
    results[`${slug}@1x`] = row;
  }
}
await browser.close();
// Each engine's widget beside its own static page (engines.mjs).
const engineIds = option('engines')?.[0] === 'no' ? [] : option('engines') ?? ['chromium', 'firefox', 'webkit'];
const engineCases = cases.filter((c) => c.times <= 10);
if (engineIds.length && engineCases.length) {
  const ENGINE_VARIANTS = Object.fromEntries(['widget', 'static', 'minisearch'].map((name) => [name, VARIANTS[name]]));
  const byEngine = await measureEngines({
    server, dir: DIR, variants: ENGINE_VARIANTS, slugs: engineCases.map((c) => c.slug), probe, queries: QUERIES, loads: LOADS, engines: engineIds,
  });
  say();
  say(`### In each engine, CPU as is (${LOADS} loads a page; keys: ${QUERIES.map((q) => `"${q}"`).join(', ')})`);
  say();
  say('| engine | policy | widget content ms | static content ms | widget÷static | widget: key → results shown ms, median / p95 | widget: key → settled, median / p95 | minisearch: key → results shown, median / p95 |');
  say('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const [id, rows] of Object.entries(byEngine)) {
    for (const { slug } of engineCases) {
      const w = rows[`${slug}/widget`];
      const st = rows[`${slug}/static`];
      const mini = rows[`${slug}/minisearch`];
      say(`| ${id} | ${slug} | ${ms(w.content)} | ${ms(st.content)} | ${(w.content / st.content).toFixed(2)} | ${spread(shown(w.keys))} | ${spread(settled(w.keys))} | ${spread(shown(mini.keys))} |`);
    }
  }
  results.engines = byEngine;
}
server.close();
say();
say(`(${((Date.now() - started) / 60000).toFixed(1)} min)`);
mkdirSync('target/bench', { recursive: true });
writeFileSync('target/bench/results.md', lines.join('\n') + '\n');
writeFileSync('target/bench/results.json', JSON.stringify(results, null, 1));
