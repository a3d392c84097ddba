// Search as residents use it: type a question, see sections open with the
// words marked, step through matches, share the search as a link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { scaled } from '../../.ci/bench/site.mjs';
import { axe, hostPage, open, rendered, SEEDS, settledTop, useWorld } from './harness.mjs';

// Twenty times Mass.gov 2016 (~100,000 words): a search there matches more
// sections than the widget changes in one turn (components/turns.rs).
const LONG = JSON.stringify(scaled(JSON.parse(readFileSync(new URL('../../www/policies/massgov-2016.json', import.meta.url), 'utf8')), 20));

// A Spanish policy: stemmed in Spanish by the widget's own wasm.
const SPANISH = JSON.stringify({
  format: 'policy-bundle/1',
  meta: { title: 'Política de privacidad', publisher: { name: 'Ciudad de Ejemplo' }, language: 'es' },
  sections: [
    { id: 'datos', title: 'Sus datos', blocks: [{ type: 'paragraph', text: 'No vendemos su información, ni la vende nadie.' }] },
    { id: 'otra', title: 'Otra cosa', blocks: [{ type: 'paragraph', text: 'Nada más.' }] },
  ],
});

const world = useWorld({
  routes: (w) => ({
    '/spanish.json': { type: 'application/json', body: SPANISH },
    '/spanish.html': { type: 'text/html', body: hostPage({ cdn: w.cdn.url, body: '<privacy-policy src="/spanish.json"></privacy-policy>' }) },
    '/policy.html': { type: 'text/html', body: hostPage({ cdn: w.cdn.url, body: '<privacy-policy src="/policies/massgov-2016.json"></privacy-policy>' }) },
    '/long.json': { type: 'application/json', body: LONG },
    '/long.html': { type: 'text/html', body: hostPage({ cdn: w.cdn.url, body: '<privacy-policy src="/long.json"></privacy-policy>' }) },
    ...Object.fromEntries(SEEDS.map((slug) => [`/${slug}.html`, { type: 'text/html', body: hostPage({ cdn: w.cdn.url, body: `<privacy-policy src="/policies/${slug}.json"></privacy-policy>` }) }])),
  }),
});

async function searchPage(path = '/policy.html') {
  const { page, context, record } = await open(world, path, { reducedMotion: 'reduce' });
  await rendered(page);
  const widget = page.locator('privacy-policy');
  return { page, context, record, widget, box: widget.getByRole('searchbox', { name: 'Search this policy' }), status: widget.locator('#pp-search-status') };
}

/** In the page: the marks in the widget's sections, and how many sections hold them. */
function markedOnScreen() {
  const marks = [...document.querySelector('privacy-policy').shadowRoot.querySelectorAll('.pp-sections mark')];
  return [marks.length, new Set(marks.map((m) => m.closest('.pp-section').id)).size];
}

test('on every seed, the count is the marks the reader sees and steps through', async () => {
  for (const slug of SEEDS) {
    const { page, context, widget, box, status } = await searchPage(`/${slug}.html`);
    const statusText = () => document.querySelector('privacy-policy').shadowRoot.querySelector('#pp-search-status').textContent;
    for (const query of ['cookies', 'public records', 'personal information']) {
      // Cleared first, so that the count read is this query's, not the last one's.
      await box.fill('');
      await assert.doesNotReject(page.waitForFunction(`(${statusText})() === ''`));
      await box.fill(query);
      await assert.doesNotReject(page.waitForFunction(`/match/i.test((${statusText})())`));
      const said = await status.textContent();
      if (said === 'No matches') continue;
      const [, matches, sections] = /^(\d+) match(?:es)? in (\d+) sections?$/.exec(said) ?? [];
      // A search that changes more than a dozen sections brings the rest in
      // later turns, a frame apart: the count is the whole search's from the
      // first, and the marks on screen reach it with the last turn.
      const whole = [Number(matches), Number(sections)];
      await page.waitForFunction(`(${markedOnScreen})().join() === '${whole.join()}'`, null, { timeout: 5000 }).catch(() => {});
      const marked = await page.evaluate(markedOnScreen);
      assert.deepEqual(marked, whole, `${slug}, "${query}": "${said}"`);
      await box.press('Enter');
      assert.equal(await status.textContent(), `Match 1 of ${marked[0]}`, `${slug}, "${query}"`);
    }
    await context.close();
  }
});

test('typing opens the matching sections, marks the words and counts them', async () => {
  const { page, context, record, widget, box, status } = await searchPage();
  assert.equal(await status.textContent(), '', 'the status line is there, silent, before a search');
  await box.pressSequentially('facebook pixel');
  await assert.doesNotReject(page.waitForFunction(() => /match/.test(document.querySelector('privacy-policy').shadowRoot.querySelector('#pp-search-status').textContent)));
  assert.match(await status.textContent(), /^\d+ matches in \d+ sections?$/);
  const tools = widget.locator('#usage-data-and-known-persistent-cookies-button');
  assert.equal(await tools.getAttribute('aria-expanded'), 'true');
  assert.ok((await widget.locator('#usage-data-and-known-persistent-cookies-panel mark').count()) >= 2, 'words marked');
  assert.equal(await widget.locator('#security-button').getAttribute('aria-expanded'), 'false', 'other sections stay closed');
  // The address follows once typing pauses.
  await assert.doesNotReject(page.waitForFunction(() => location.hash === '#pp-q=facebook%20pixel'), 'the search is in the address');

  assert.deepEqual(await axe(page), [], 'axe while searching');

  await box.press('Enter');
  assert.match(await status.textContent(), /^Match 1 of \d+$/);
  assert.equal(await widget.locator('mark.pp-current').count(), 1);
  await box.press('Shift+Enter');
  assert.match(await status.textContent(), /^Match (\d+) of \1$/, 'Shift+Enter wraps to the last match');

  await box.press('Escape');
  assert.equal(await box.inputValue(), '');
  assert.equal(await status.textContent(), '');
  assert.equal(await tools.getAttribute('aria-expanded'), 'false', 'the reader\u2019s own open/closed state is back');
  assert.equal(await widget.locator('mark').count(), 0);
  await assert.doesNotReject(page.waitForFunction(() => location.hash === ''), 'a cleared search leaves the address');
  assert.deepEqual(await record.errors(), []);
  // Searching, like reading, asks nothing of any server and stores nothing.
  const origins = new Set((await record.requests()).map((u) => new URL(u).origin));
  assert.deepEqual([...origins].sort(), [world.cdn.url, world.site.url].sort());
  assert.deepEqual(await context.cookies(), []);
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  await context.close();
});

test('on a long policy a deep link far below the first screen opens its section, and the whole policy arrives', async () => {
  // The first paint holds the first screen's sections; the twentieth copy is far past it.
  const target = 'usage-data-and-known-persistent-cookies-20';
  const { page, context, record } = await open(world, `/long.html#${target}`);
  const widget = page.locator('privacy-policy');
  const button = widget.locator(`#${target}-button`);
  await assert.doesNotReject(widget.locator(`#${target}-button[aria-expanded="true"]`).waitFor());
  assert.ok(await widget.locator(`#${target}-panel`).isVisible(), 'its text shows');
  const top = await settledTop(page, `#${target}-button`);
  assert.ok(top >= 0 && top < 900 / 3, `the header is in the top third of the screen (top ${top})`);
  assert.ok(await button.evaluate((b) => b.getRootNode().activeElement === b), 'focus on its heading button');
  const bundle = JSON.parse(LONG);
  const count = (sections) => sections.reduce((n, s) => n + 1 + count(s.sections ?? []), 0);
  assert.equal(await widget.locator('.pp-sections > .pp-section').count(), bundle.sections.length, 'every section');
  assert.equal(await widget.locator('.pp-contents a').count(), count(bundle.sections), 'every contents entry');
  assert.deepEqual(await record.errors(), []);
  await context.close();
});

test('on a long policy the matches nearest the box open at once and the rest follow in turns', async () => {
  const { page, context, record, widget, box, status } = await searchPage('/long.html');
  await box.pressSequentially('facebook pixel');
  assert.equal(await box.inputValue(), 'facebook pixel');
  // The count is the whole search's from the first turn: five sections in each copy.
  await assert.doesNotReject(status.filter({ hasText: /^\d+ matches in 100 sections$/ }).waitFor());
  const section = (copy) => `#usage-data-and-known-persistent-cookies${copy === 1 ? '' : `-${copy}`}`;
  assert.equal(await widget.locator(`${section(1)}-button`).getAttribute('aria-expanded'), 'true');
  assert.ok((await widget.locator(`${section(1)}-panel mark`).count()) >= 2, 'words marked');
  // The twentieth copy, far below, is past the first turn's dozen sections.
  await assert.doesNotReject(widget.locator(`${section(20)}-panel mark`).first().waitFor());
  assert.equal(await widget.locator(`${section(20)}-button`).getAttribute('aria-expanded'), 'true');
  // Every turn done: each of the hundred sections has marks of its own.
  await assert.doesNotReject(page.waitForFunction(() => {
    const sections = document.querySelector('privacy-policy').shadowRoot.querySelectorAll('.pp-section');
    return [...sections].filter((s) => [...s.querySelectorAll('mark')].some((m) => m.closest('.pp-section') === s)).length === 100;
  }));
  const marked = await widget.locator('.pp-sections mark').count();
  await box.press('Enter');
  assert.equal(await status.textContent(), `Match 1 of ${marked}`, 'previous/next count every turn\u2019s marks');
  // Ending the search takes the marks off in turns too, down to the last.
  await box.press('Escape');
  await assert.doesNotReject(widget.locator(`${section(20)}-button[aria-expanded="false"]`).waitFor());
  await assert.doesNotReject(widget.locator('.pp-sections mark').first().waitFor({ state: 'detached' }));
  assert.equal(await widget.locator('.pp-panel:not([hidden])').count(), 0, 'the reader\u2019s own state: all closed');
  assert.deepEqual(await record.errors(), []);
  await context.close();
});

test('a Spanish policy is searched by its stems, with nothing fetched for it', async () => {
  const { context, record, widget, box, status } = await searchPage('/spanish.html');
  // Neither a prefix of "vendemos" nor one letter from it: only the stem finds it.
  await box.fill('venden');
  await assert.doesNotReject(widget.locator('#datos-panel mark').first().waitFor());
  assert.deepEqual(await widget.locator('#datos-panel mark').allTextContents(), ['vendemos', 'vende']);
  assert.equal(await status.textContent(), '2 matches in 1 section', 'one section: "section", not "sections"');
  assert.equal(await widget.locator('#otra-button').getAttribute('aria-expanded'), 'false');
  // The plural of an accented word: its stem is taken from the folded word.
  await box.fill('informaciones');
  await assert.doesNotReject(widget.locator('#datos-panel mark', { hasText: 'información' }).waitFor());
  const widgetRequests = (await record.requests()).filter((u) => u.startsWith(world.cdn.url)).map((u) => new URL(u).pathname).sort();
  assert.deepEqual(widgetRequests, ['/policy-widget.js', '/privacy-policy-widget_bg.wasm']);
  assert.deepEqual(await record.errors(), []);
  await context.close();
});

test('no matches says so and offers the nearest words of the policy', async () => {
  const { context, widget, box, status } = await searchPage();
  await box.fill('rekkords ');
  await widget.locator('.pp-suggestions').waitFor();
  assert.equal(await status.textContent(), 'No matches');
  await widget.locator('.pp-suggestions button', { hasText: /^records$/ }).click();
  assert.equal(await box.inputValue(), 'records');
  assert.match(await status.textContent(), /matches in/);
  await context.close();
});

test('two letters typed the wrong way round still find the word', async () => {
  const { context, widget, box, status } = await searchPage();
  await box.fill('cookeis');
  await assert.doesNotReject(widget.locator('.pp-sections mark', { hasText: /^cookies?$/i }).first().waitFor());
  assert.match(await status.textContent(), /^\d+ match(es)? in \d+ sections?$/);
  await context.close();
});

test('a shared search link restores the search', async () => {
  const { context, widget, box, status } = await searchPage('/policy.html#pp-q=public%20records');
  await assert.doesNotReject(widget.locator('.pp-sections mark').first().waitFor());
  assert.equal(await box.inputValue(), 'public records');
  assert.match(await status.textContent(), /matches in/);
  await context.close();
});

test('"/" focuses the search box', async () => {
  const { page, context, box } = await searchPage();
  await page.locator('h1').click();
  await page.keyboard.press('/');
  assert.ok(await box.evaluate((b) => b.getRootNode().activeElement === b));
  assert.equal(await box.inputValue(), '', 'the slash is not typed into the box');
  await context.close();
});

test('axe finds nothing while searching, on every seed policy', async () => {
  for (const slug of SEEDS) {
    const { page, context, widget, box } = await searchPage(`/${slug}.html`);
    await box.fill('public records');
    await widget.locator('.pp-sections mark').first().waitFor();
    assert.deepEqual(await axe(page), [], slug);
    await context.close();
  }
});
