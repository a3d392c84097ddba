// The studio (dist/studio/): a web editor brings the policy they have, reviews
// the draft beside the live widget, and takes the bundle away, in the browser
// alone. Files are given to the page as a person's file picker or drop would
// give them (a File in the input's FileList, a drop's DataTransfer).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axe, engine, open, useWorld } from './harness.mjs';

const repo = new URL('../..', import.meta.url);
const world = useWorld();

const SEED_TEXTS = {
  concord: '000_e7f2c20e997ced50.txt',
  westfield: '001_1e9a06d6247eb838.txt',
  'massgov-2016': '002_0f4e0fd506d1c60d.txt',
  'massgov-2002': '003_cb48ddb801cf7143.txt',
  'cambridge-schools': '004_106125d950806367.txt',
};
const seedText = (seed) => readFileSync(new URL(`tests/fixtures/seeds/${SEED_TEXTS[seed]}`, repo), 'utf8');
const sourceFile = (name) => readFileSync(new URL(`tests/fixtures/import/sources/${name}`, repo));

/** What `policy-widget import -` prints for `text` on stdin (with `--previous`, as an update of that bundle): the CLI's bundle. */
function cliImport(text, previous) {
  const args = ['run', '--quiet', '--', 'import', '-'];
  if (previous) {
    const file = join(mkdtempSync(join(tmpdir(), 'studio-')), 'previous.json');
    writeFileSync(file, JSON.stringify(previous));
    args.push('--previous', file);
  }
  return execFileSync('cargo', args, { cwd: repo, input: text, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
}

// Saves go nowhere: the test keeps each downloaded file (the Blob behind the
// link) and stops the browser from saving it to disk.
const KEEP_DOWNLOADS = `if (!window.__downloads) {
  window.__downloads = [];
  const create = URL.createObjectURL;
  URL.createObjectURL = (blob) => { window.__downloads.push(blob); return create.call(URL, blob); };
  addEventListener('click', (e) => { if (e.target.matches && e.target.matches('a[download]')) { window.__downloadName = e.target.download; e.preventDefault(); } }, true);
}
return true;`;

async function openStudio(viewport) {
  const opened = await open(world, undefined, viewport ? { viewport } : {});
  await opened.page.goto(`${world.cdn.url}/studio/`);
  await opened.page.locator('#policy-file').waitFor();
  await opened.page.session.execute(KEEP_DOWNLOADS);
  return opened;
}

const status = (page) => page.locator('.status').textContent();
const failure = (page) => page.locator('.failure').textContent();

/** Pastes `text` into "Policy text" and imports it; resolves to the milliseconds from the click to the draft on screen. */
async function pasteAndImport(page, text) {
  await page.evaluate((t) => {
    const field = document.getElementById('policy-text');
    field.value = t;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    window.__importMs = undefined;
    const line = document.querySelector('.status');
    let start;
    addEventListener('click', () => (start = performance.now()), { capture: true, once: true });
    new MutationObserver((_, observer) => {
      if (start !== undefined && line.textContent.startsWith('pasted text:')) {
        observer.disconnect();
        window.__importMs = performance.now() - start;
      }
    }).observe(line, { childList: true, characterData: true, subtree: true });
  }, text);
  await page.getByRole('button', { name: 'Import the text' }).click();
  const ms = await page.waitForFunction(() => window.__importMs, null, { timeout: 120_000 });
  // The draft is ready once the studio has sent the focus to it.
  await page.waitForFunction(() => document.activeElement?.id === 'review-heading');
  return ms;
}

/** Gives the page a file as the picker `selector` would, from bytes (base64) or made in the page (`zeros`). */
function chooseFile(page, selector, { name, bytes, zeros, type = '' }) {
  return page.evaluate(
    ([sel, name, b64, zeros, type]) => {
      const data = zeros ? new Uint8Array(zeros) : Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const files = new DataTransfer();
      files.items.add(new File([data], name, { type }));
      const input = document.querySelector(sel);
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    },
    [selector, name, bytes ? Buffer.from(bytes).toString('base64') : '', zeros ?? 0, type],
  );
}

/** Clicks "Download privacy-policy.json"; resolves to the file's text. */
async function download(page) {
  const before = await page.evaluate(() => window.__downloads.length);
  await page.getByRole('button', { name: 'Download privacy-policy.json' }).click();
  await page.waitForFunction((n) => window.__downloads.length > n, before);
  assert.equal(await page.evaluate(() => window.__downloadName), 'privacy-policy.json');
  return page.evaluate(() => window.__downloads.at(-1).text());
}

/** Waits for the preview's widget to show `text`. */
function previewShows(page, text) {
  return page.waitForFunction(
    (t) => document.querySelector('.preview privacy-policy')?.shadowRoot?.textContent.includes(t),
    text,
    { timeout: 30_000 },
  );
}

/** Waits for the focus to be on the element with `id` (the studio moves it after a render). */
const focusOn = (page, id) => page.waitForFunction((i) => document.activeElement?.id === i, id);

test('pasting each seed\u2019s text gives, byte for byte, the bundle the command line imports', async (t) => {
  const { page, context } = await openStudio();
  const times = [];
  for (const seed of Object.keys(SEED_TEXTS)) {
    const text = seedText(seed);
    const ms = await pasteAndImport(page, text);
    times.push(`${seed} ${Math.round(ms)} ms`);
    assert.match(await status(page), /^pasted text: \d+ sections/);
    assert.equal(await download(page), cliImport(text), `${seed}: the studio's bundle is the CLI's`);
  }
  t.diagnostic(`${engine.name}: import in the browser, click to draft on screen (the first starts the worker): ${times.join(', ')}`);
  await context.close();
});

test('a Word document, a PDF and a web page open as drafts, shown by the real widget', async () => {
  const { page, context } = await openStudio();
  const files = [
    ['concord.docx', 'seeds/concord.docx', 'Town of Concord'],
    ['westfield.pdf', 'seeds/westfield.chromium.pdf', 'Westfield'],
    ['privacy.html', 'drupal.html', 'Privacy'],
  ];
  for (const [name, fixture, shown] of files) {
    await chooseFile(page, '#policy-file', { name, bytes: sourceFile(fixture) });
    await page.waitForFunction((n) => document.querySelector('.status')?.textContent.startsWith(`${n}:`), name, { timeout: 60_000 });
    assert.equal(await failure(page), '');
    await previewShows(page, shown);
    assert.equal(await page.locator('#review-heading').textContent(), `Review the draft: ${name}`);
  }
  await context.close();
});

test('edits show in the preview; a wrong value is flagged beside its field and blocks no other edit', async () => {
  const { page, context } = await openStudio();
  await pasteAndImport(page, seedText('concord'));
  await previewShows(page, 'Town of Concord');

  await page.locator('#f-facts-0-value').fill('Never sold, never shared');
  await previewShows(page, 'Never sold, never shared');
  await page.locator('#f-summary-0-text').fill('An edited summary point.');
  await previewShows(page, 'An edited summary point.');

  const date = page.locator('#f-meta-effective_date');
  await date.fill('2024-13-45');
  const problem = page.locator('#f-meta-effective_date-problem');
  await problem.waitFor();
  assert.match(await problem.textContent(), /is not a date as YYYY-MM-DD/);
  assert.equal(await date.getAttribute('aria-invalid'), 'true');
  assert.match(await date.getAttribute('aria-describedby'), /f-meta-effective_date-problem/);
  assert.match(await page.locator('.problems').textContent(), /meta\.effective_date: "2024-13-45" is not a date/);
  assert.equal(await page.locator('.problems a').getAttribute('href'), '#f-meta-effective_date');

  // Other edits go on, and reach the preview, while the date is wrong.
  await page.locator('#f-meta-title').fill('Privacy at Concord');
  await previewShows(page, 'Privacy at Concord');
  assert.match(await page.locator('.preview .problem').textContent(), /without the changes that have problems/);
  assert.match(await download(page), /"effective_date": "2024-13-45"/, 'the work in progress can be saved as it is');

  await date.fill('2024-12-01');
  await problem.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.ok').textContent(), 'No problems: the widget shows this bundle.');
  await context.close();
});

test('the outline: a section renamed, demoted under the one before, merged into it; the preview follows', async () => {
  const { page, context } = await openStudio();
  await pasteAndImport(page, seedText('westfield'));
  const sections = () => page.evaluate(() => {
    const root = document.querySelector('.preview privacy-policy').shadowRoot;
    return [...root.querySelectorAll('.pp-sections > .pp-section')].length;
  });
  const ids = await page.locator('.outline fieldset legend').allTextContents();
  const second = ids[1].split('#')[1];
  await page.locator('#f-sections-1-title').fill('A renamed section');
  await previewShows(page, 'A renamed section');
  const before = await sections();

  await page.locator(`#outline-${second}-demote`).click();
  await focusOn(page, `outline-${second}-demote`);
  await page.waitForFunction((n) => document.querySelector('.preview privacy-policy').shadowRoot.querySelectorAll('.pp-sections > .pp-section').length === n - 1, before);
  assert.match(await page.locator('.outline li.depth-1 legend').first().textContent(), new RegExp(`#${second}$`));

  await page.locator(`#outline-${second}-merge-up`).click();
  await page.waitForFunction((id) => !document.getElementById(`outline-${id}-merge-up`), second);
  assert.equal(await page.locator('.outline li').count(), ids.length - 1, 'one section fewer');
  assert.equal(await page.locator('.ok').textContent(), 'No problems: the widget shows this bundle.', 'nothing points at the merged section');
  assert.ok((await download(page)).includes('A renamed section'), 'its title stays, as a paragraph of the section above');
  await context.close();
});

test('each importer\u2019s note links to its line of the text as imported', async () => {
  const { page, context } = await openStudio();
  await pasteAndImport(page, seedText('cambridge-schools'));
  const link = page.locator('.notes a').first();
  const href = await link.getAttribute('href');
  assert.match(href, /^#source-\d+$/);
  await link.click();
  await page.waitForFunction((h) => location.hash === h, href);
  const line = page.locator(`${href}`);
  assert.ok(await line.isVisible(), 'the line is on screen');
  assert.equal(await page.evaluate(() => document.querySelector(':target')?.closest('ol')?.className), 'source');
  const noted = (await link.evaluate((a) => a.parentElement.textContent)).toLowerCase();
  assert.ok(noted.length > 10, noted);
  await context.close();
});

test('the snippet and the page HTML are what the command would give for the bundle', async () => {
  const { page, context } = await openStudio();
  await pasteAndImport(page, seedText('concord'));
  const bundle = await download(page);
  const snippet = await page.locator('#snippet').inputValue();
  const integrity = `sha384-${createHash('sha384').update(readFileSync(new URL('dist/policy-widget.js', repo))).digest('base64')}`;
  assert.equal(
    snippet,
    `<script type="module" src="https://www.example.gov/privacy-policy-widget/policy-widget.js" integrity="${integrity}" crossorigin="anonymous"></script>\n<privacy-policy src="/privacy-policy.json"></privacy-policy>\n`,
  );
  await page.getByRole('button', { name: 'Make the page HTML' }).click();
  await page.locator('#page-html').waitFor();
  const file = join(mkdtempSync(join(tmpdir(), 'studio-')), 'privacy-policy.json');
  writeFileSync(file, bundle);
  const rendered = execFileSync('cargo', ['run', '--quiet', '--', 'render', file, '--src', '/privacy-policy.json'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  assert.equal(await page.locator('#page-html').inputValue(), rendered);
  await context.close();
});

test('a downloaded bundle opens again with nothing lost, and reviews on', async () => {
  const { page, context } = await openStudio();
  await pasteAndImport(page, seedText('westfield'));
  await page.locator('#f-summary-0-text').fill('Reviewed by the clerk.');
  await page.getByRole('button', { name: 'Add a fact' }).click();
  await focusOn(page, `f-facts-${(await page.locator('.items').nth(1).locator('li').count()) - 1}-value`);
  await page.keyboard.type('Call the clerk');
  const first = await download(page);

  await chooseFile(page, '#policy-file', { name: 'privacy-policy.json', bytes: Buffer.from(first), type: 'application/json' });
  await page.waitForFunction(() => document.querySelector('.status')?.textContent.startsWith('privacy-policy.json:'));
  assert.equal(await page.locator('#f-summary-0-text').inputValue(), 'Reviewed by the clerk.');
  assert.equal(await download(page), first, 'the bundle opened is the bundle saved');
  await context.close();
});

test('files the studio cannot use get a visible message, and the draft stays', async () => {
  const { page, context } = await openStudio();
  await pasteAndImport(page, seedText('concord'));
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e10000000049454e44ae426082', 'hex');
  const cases = [
    [{ name: 'photo.png', bytes: png, type: 'image/png' }, /^photo\.png: looks like a binary file/],
    [{ name: 'huge.pdf', zeros: 50 * 1024 * 1024 + 1, type: 'application/pdf' }, /^huge\.pdf: 51 MB is over the 50 MB limit/],
    [{ name: 'broken.json', bytes: Buffer.from('{"format": "policy-bundle/1", "meta": '), type: 'application/json' }, /^broken\.json: .*(EOF|end)/i],
    [{ name: 'future.json', bytes: Buffer.from('{"format": "policy-bundle/9"}'), type: 'application/json' }, /^future\.json: .*policy-bundle\/9/],
    [{ name: 'damaged.pdf', bytes: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF'), type: 'application/pdf' }, /^damaged\.pdf: could not read the PDF/],
    // The PDF reader's crate panics on this one: the worker's wasm stops.
    [{ name: 'font-missing.pdf', bytes: sourceFile('font-missing.pdf'), type: 'application/pdf' }, /^font-missing\.pdf: could not read the PDF \(its text could not be decoded\): it may be damaged/],
  ];
  for (const [file, message] of cases) {
    await chooseFile(page, '#policy-file', file);
    await page.waitForFunction((n) => document.querySelector('.failure')?.textContent.startsWith(`${n}:`), file.name, { timeout: 60_000 });
    assert.match(await failure(page), message);
    assert.ok(await page.locator('.failure').isVisible());
    assert.equal(await page.locator('#review-heading').textContent(), 'Review the draft: pasted text', 'the draft under review stays');
  }
  // The importer works on after a file that stopped it (a new worker).
  await chooseFile(page, '#policy-file', { name: 'concord.docx', bytes: sourceFile('seeds/concord.docx') });
  await page.waitForFunction(() => document.querySelector('.status')?.textContent.startsWith('concord.docx:'), null, { timeout: 60_000 });
  await context.close();
});

test('a file dropped anywhere on the page is imported', async () => {
  const { page, context } = await openStudio();
  await page.evaluate((html) => {
    const files = new DataTransfer();
    files.items.add(new File([html], 'wordpress.html', { type: 'text/html' }));
    const studio = document.querySelector('.studio');
    studio.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: files }));
    studio.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: files }));
    return true;
  }, sourceFile('wordpress.html').toString('utf8'));
  await page.waitForFunction(() => document.querySelector('.status')?.textContent.startsWith('wordpress.html:'), null, { timeout: 60_000 });
  await context.close();
});

test('an update keeps last version\u2019s reviewed points and facts where their sections remain, says which it could not, and records what changed', async () => {
  const { page, context } = await openStudio();
  const previous = JSON.parse(readFileSync(new URL('www/policies/massgov-2002.json', repo), 'utf8'));
  previous.meta.publisher.name = 'Commonwealth of Massachusetts, reviewed';
  previous.summary.push({ text: 'A point about a section the new text dropped.', section: 'no-longer-there' });
  previous.sections.push({ id: 'no-longer-there', title: 'A section the new text dropped', blocks: [{ type: 'paragraph', text: 'Gone.' }] });
  await chooseFile(page, '#previous-file', { name: 'massgov-2002.json', bytes: Buffer.from(JSON.stringify(previous)), type: 'application/json' });
  await page.waitForFunction(() => document.querySelector('.status')?.textContent.startsWith('massgov-2002.json is last version'));
  await pasteAndImport(page, seedText('massgov-2016'));
  const downloaded = await download(page);
  const draft = JSON.parse(downloaded);
  // Last version in the history and what changed since: the command's update, byte for byte.
  assert.equal(downloaded, cliImport(seedText('massgov-2016'), previous));
  assert.deepEqual(draft.history, [{ date: '2002-12-16' }]);
  assert.equal(draft.changes.since, '2002-12-16');
  assert.ok(draft.changes.sections.some((c) => c.change === 'removed' && c.section === 'no-longer-there'));
  const sections = new Set();
  const walk = (list) => list.forEach((s) => (sections.add(s.id), walk(s.sections ?? [])));
  walk(draft.sections);

  assert.equal(draft.meta.publisher.name, previous.meta.publisher.name, 'who publishes it is last version\u2019s');
  const check = await page.locator('#part-notes').evaluate((h) => h.parentElement.textContent);
  for (const point of previous.summary) {
    const kept = draft.summary.find((p) => p.text === point.text);
    if (kept) assert.ok(sections.has(kept.section), `"${point.text}" points at a section of the new text`);
    else assert.ok(check.includes(`summary point "${point.text}" was not carried over`), `"${point.text}" is kept or reported`);
  }
  assert.ok(check.includes('"A point about a section the new text dropped." was not carried over'));
  for (const fact of previous.facts) {
    const kept = draft.facts.find((f) => f.value === fact.value && f.kind === fact.kind);
    assert.ok(kept ? sections.has(kept.section) : check.includes(`fact "${fact.value}" was not carried over`), `${fact.kind}: kept or reported`);
  }
  await context.close();
});

test('leaving with unsaved changes asks first; after a download it does not', async () => {
  const { page, context } = await openStudio();
  // Whether leaving now would ask: a cancelled beforeunload. Awaited, since
  // the studio sets its listener after the render that shows the change.
  const leavingAsks = (asks) =>
    page.waitForFunction((expected) => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented === expected;
    }, asks);
  await leavingAsks(false);
  await pasteAndImport(page, seedText('westfield'));
  await leavingAsks(true);
  await download(page);
  await leavingAsks(false);
  await page.locator('#f-meta-title').fill('Changed');
  await leavingAsks(true);
  await context.close();
});

test('keyboard: moving or removing an item keeps the focus with it; axe finds nothing; the page fits 1024 px, a tablet and a phone', async () => {
  for (const viewport of [{ width: 1024, height: 800 }, { width: 768, height: 1024 }, { width: 360, height: 800 }]) {
    const { page, context } = await openStudio(viewport);
    assert.deepEqual(await axe(page), [], 'the empty studio');
    await pasteAndImport(page, seedText('massgov-2016'));
    await previewShows(page, 'Mass.gov');

    const second = await page.locator('#f-summary-1-text').inputValue();
    await page.locator('#summary-1-move-up').click();
    await focusOn(page, 'summary-0-move-up');
    assert.equal(await page.locator('#f-summary-0-text').inputValue(), second);
    await page.locator('#summary-0-remove').click();
    await focusOn(page, 'summary-0-remove');
    await page.locator('#f-meta-effective_date').fill('soon');
    await page.locator('#f-meta-effective_date-problem').waitFor();
    await page.locator('#f-meta-effective_date').focus();

    assert.deepEqual(await axe(page), [], `with a draft and a problem shown, at ${viewport.width} px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `nothing wider than the ${viewport.width} px window (${overflow} px over)`);
    await context.close();
  }
});

test('the studio asks for nothing but its own files, the policy included', async () => {
  const { page, context } = await openStudio();
  await pasteAndImport(page, seedText('cambridge-schools'));
  await chooseFile(page, '#policy-file', { name: 'concord.pdf', bytes: sourceFile('seeds/concord.libreoffice.pdf') });
  await page.waitForFunction(() => document.querySelector('.status')?.textContent.startsWith('concord.pdf:'), null, { timeout: 60_000 });
  await previewShows(page, 'Concord');
  const studioOrigin = world.cdn.url;
  const requested = world.requests.filter((url) => !url.startsWith(`${studioOrigin}/`));
  assert.deepEqual(requested, []);
  const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.deepEqual(resources.filter((url) => !url.startsWith(`${studioOrigin}/`)), []);
  assert.equal(await page.evaluate(() => document.cookie), '');
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  await context.close();
});
