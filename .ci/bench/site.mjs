// Builds the benchmark site: the same policy, at each size, presented four
// ways, so that `run.mjs` can load them side by side.
//
//   widget/<case>.html      the widget, as a CMS page embeds it, and <case>.json
//   widget/<case>-fallback.html  the same with the policy's HTML inside the element
//                           (`policy-widget render`), shown until the widget shows the policy,
//                           and the page's CSS rule for it that docs/embedding.md recommends
//   static/<case>.html      the floor: the policy as plain HTML, <details> per section
//   minisearch/<case>.html  that page plus MiniSearch (npm) wired to the sections
//   pagefind/<case>/        that page plus Pagefind's UI and its index (npm CLI)
//   floor-wasm/<case>.html  the floors of a wasm widget (floor.mjs): the bundle's
//   floor-yew/<case>.html   first headings, without and with Yew
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Mass.gov 2016's sections repeated `times` times, with fresh ids. In each
 * copy after the first, the words of plain paragraphs are shuffled: the same
 * vocabulary and word counts, but text that gzip cannot fold onto the first
 * copy (identical copies would make the larger policies look nearly free).
 */
export function scaled(bundle, times) {
  if (times === 1) return bundle;
  let seed = 1;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const shuffle = (text) => {
    if (/[[\]*~`]/.test(text)) return text; // links and emphasis stay whole
    const words = text.split(' ');
    for (let i = words.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [words[i], words[j]] = [words[j], words[i]];
    }
    return words.join(' ');
  };
  const block = (b) => (b.type === 'paragraph' ? { ...b, text: shuffle(b.text) } : b);
  const renumber = (s, copy) => ({
    ...s,
    id: `${s.id}-${copy}`,
    blocks: (s.blocks ?? []).map(block),
    sections: (s.sections ?? []).map((c) => renumber(c, copy)),
  });
  // The first copy keeps its ids: the summary, facts and definitions point at them.
  const sections = [...bundle.sections];
  for (let copy = 2; copy <= times; copy++) sections.push(...bundle.sections.map((s) => renumber(s, copy)));
  return { ...bundle, sections };
}

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** The bundle's inline text (a Markdown subset) as HTML: links, bold, struck text. */
function inline(text) {
  return escape(text)
    .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (_, label, href) => (/^(https?:|mailto:|tel:|#)/.test(href) ? `<a href="${href}">${label}</a>` : label))
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/~~([^~]+)~~/g, '<del>$1</del>');
}

function list(l) {
  const tag = l.ordered ? 'ol' : 'ul';
  return `<${tag}>${l.items.map((i) => `<li>${inline(i.text)}${i.list ? list(i.list) : ''}</li>`).join('')}</${tag}>`;
}

function block(b) {
  switch (b.type) {
    case 'paragraph': return `<p>${inline(b.text)}</p>`;
    case 'list': return list(b);
    case 'fields': return `<dl>${b.fields.map((f) => `<dt>${inline(f.label)}</dt><dd>${inline(f.value)}</dd>`).join('')}</dl>`;
    case 'table': return `<table>${b.caption ? `<caption>${inline(b.caption)}</caption>` : ''}${b.header?.length ? `<tr>${b.header.map((h) => `<th>${inline(h)}</th>`).join('')}</tr>` : ''}${b.rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</table>`;
    case 'tool': return `<dl><dt>${inline(b.name)}</dt>${['purpose', 'data_collected', 'privacy_policy', 'opt_out', 'notes'].filter((k) => b[k]).map((k) => `<dd>${inline(b[k])}</dd>`).join('')}</dl>`;
    default: throw new Error(`unknown block ${b.type}`);
  }
}

function section(s, level) {
  const h = `h${Math.min(level, 6)}`;
  return `<details id="${s.id}"><summary><${h}>${inline(s.title)}</${h}></summary>${(s.blocks ?? []).map(block).join('')}${(s.sections ?? []).map((c) => section(c, level + 1)).join('')}</details>`;
}

/** The policy as the plain page a site would otherwise publish. */
function staticPage(bundle, { head = '', top = '' } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(bundle.meta.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:45rem;margin:2rem auto;padding:0 1rem;line-height:1.5}summary>*{display:inline}details{margin:.5rem 0}</style>${head}</head>
<body><main><h1>${escape(bundle.meta.title)}</h1><p>${escape(bundle.meta.publisher.name)}</p>${top}
${(bundle.summary ?? []).length ? `<ul>${bundle.summary.map((p) => `<li><a href="#${p.section}">${inline(p.text)}</a></li>`).join('')}</ul>` : ''}
${(bundle.intro ?? []).map(block).join('')}
<div id="sections">${bundle.sections.map((s) => section(s, 2)).join('\n')}</div></main></body></html>`;
}

/** The rule docs/embedding.md gives sites for the policy's HTML in the page: a browser
 *  lays out only the sections near the screen. */
const FALLBACK_CSS = 'privacy-policy section[id]{content-visibility:auto;contain-intrinsic-size:auto 20em}';

/** A CMS page that embeds the widget (or a floor, from its own folder). */
const widgetPage = (slug, script = 'policy-widget.js', bundle = `${slug}.json`, element = `<privacy-policy src="${bundle}"></privacy-policy>`) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Privacy</title><style>body{font-family:system-ui,sans-serif;max-width:45rem;margin:2rem auto;padding:0 1rem}</style>
<script type="module" src="${script}"></script></head>
<body><main><h1>Privacy</h1>${element}</main></body></html>`;

/**
 * Writes the site under `dir` for each case ({ slug, bundle }); `tools` is the
 * node_modules folder holding minisearch and pagefind, `floors` the folder
 * `buildFloors` wrote.
 */
export function buildSite({ dir, dist, cases, tools, floors }) {
  const pagefind = join(tools, '.bin/pagefind');
  rmSync(dir, { recursive: true, force: true });
  for (const d of ['widget', 'static', 'minisearch', 'pagefind']) mkdirSync(join(dir, d), { recursive: true });
  for (const floor of ['wasm', 'yew']) {
    cpSync(join(floors, floor), join(dir, `floor-${floor}`), { recursive: true });
    writeFileSync(join(dir, `floor-${floor}/boot.js`), "import init from './bench-floor.js';\ninit();\n");
  }
  cpSync(join(dist, 'policy-widget.js'), join(dir, 'widget/policy-widget.js'));
  cpSync(join(dist, 'privacy-policy-widget_bg.wasm'), join(dir, 'widget/privacy-policy-widget_bg.wasm'));
  cpSync(join(tools, 'minisearch/dist/umd/index.js'), join(dir, 'minisearch/minisearch.js'));
  cpSync(new URL('./minisearch-wire.js', import.meta.url), join(dir, 'minisearch/wire.js'));
  const searchBox = '<div role="search"><label for="search">Search this policy</label> <input id="search" type="search" autocomplete="off"> <span id="status" role="status"></span></div>';
  for (const { slug, bundle } of cases) {
    writeFileSync(join(dir, `widget/${slug}.json`), JSON.stringify(bundle));
    writeFileSync(join(dir, `widget/${slug}.html`), widgetPage(slug));
    const rendered = execFileSync('cargo', ['run', '--quiet', '--release', '--', 'render', join(dir, `widget/${slug}.json`), '--src', `${slug}.json`],
      { encoding: 'utf8', maxBuffer: 1 << 30 });
    writeFileSync(join(dir, `widget/${slug}-fallback.html`), widgetPage(slug, undefined, undefined, rendered).replace('</style>', `${FALLBACK_CSS}</style>`));
    for (const floor of ['wasm', 'yew']) writeFileSync(join(dir, `floor-${floor}/${slug}.html`), widgetPage(slug, 'boot.js', `../widget/${slug}.json`));
    writeFileSync(join(dir, `static/${slug}.html`), staticPage(bundle));
    writeFileSync(join(dir, `minisearch/${slug}.html`), staticPage(bundle, {
      head: '<script defer src="minisearch.js"></script><script defer src="wire.js"></script>',
      top: searchBox,
    }));
    const site = join(dir, `pagefind/${slug}`);
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'index.html'), staticPage(bundle, {
      head: '<link href="pagefind/pagefind-ui.css" rel="stylesheet"><script defer src="pagefind/pagefind-ui.js"></script><script defer src="../init.js"></script>',
      top: '<div id="search"></div>',
    }).replace('<main>', '<main data-pagefind-body>'));
    execFileSync(pagefind, ['--site', site, '--quiet'], { stdio: 'inherit' });
  }
  writeFileSync(join(dir, 'pagefind/init.js'),
    "addEventListener('DOMContentLoaded', () => { new PagefindUI({ element: '#search', showSubResults: true }); window.__searchReady = true; });\n");
}
