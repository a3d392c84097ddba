// Trunk's post-build hook, run in its staging folder before dist/ is replaced:
//
// 1. shortens the names the wasm and its glue call each other by (wasm-opt's
//    `--minify-imports-and-exports-and-modules`): wasm-bindgen's names carry a
//    16-digit hash each, ~8 KB that gzip cannot shrink much, shipped twice
//    (in the wasm and in the glue); and optimises the wasm once more;
// 2. bundles the wasm-bindgen glue into the public entry, so `policy-widget.js`
//    is the only script: one Subresource Integrity value on the script tag
//    covers all the JavaScript;
// 3. writes the wasm's SHA-384 into that script, which fetches the wasm with
//    `integrity`, so a tampered .wasm is refused too;
// 4. minifies that script (terser: 10 KB → 7 KB gzip; www/policy-widget.js and
//    wasm-bindgen's glue are the readable sources);
// 5. removes the `<link data-trunk …>` tags Trunk 0.21 leaves in index.html,
//    and the comment that explains them.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { wasmOptParams as readWasmOptParams } from './wasm-opt-params.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk');
const path = (name) => join(dir, name);
const html = readFileSync(path('index.html'), 'utf8');
// The wasm's features and inlining limit, as Trunk passed them to wasm-opt:
// later rounds of `-Oz` without the limit would inline what it kept apart.
const wasmOptParams = readWasmOptParams(html);

const wasmName = 'privacy-policy-widget_bg.wasm';
const glueName = 'privacy-policy-widget.js';
const glue = shortenNames(readFileSync(path(glueName), 'utf8'));

/** Renames the wasm's imports and exports (wasm-opt, in place) and the glue's
 *  uses of them to match; throws if the glue does not use a name where expected. */
function shortenNames(glue) {
  const wasm = path(wasmName);
  // Also a second round of `-Oz` after Trunk's (Binaryen's passes find more on a
  // later round: −0.8 KB gzip; a third took off 0.3 KB more until the inlining
  // limit in index.html, and 6 bytes with it), and drops the two custom sections
  // no browser reads (toolchain names, features).
  const passes = ['--minify-imports-and-exports-and-modules', '-Oz', '--strip-producers', '--strip-target-features'];
  const out = execFileSync('wasm-opt', [...wasmOptParams, ...passes, wasm, '-o', wasm]);
  const { imports, exports: exported } = JSON.parse(out.toString());
  const modules = new Set(WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasm))).map((i) => i.module));
  if (modules.size !== 1) throw new Error(`expected the wasm to import from one module, found ${[...modules]}`);
  // Replacement functions, not strings: a new name such as `$a` must not be
  // read as a replacement pattern.
  const renames = [
    [/"\.\/privacy-policy-widget_bg\.js": import0/g, `${JSON.stringify([...modules][0])}: import0`],
    ...imports.map(([, from, to]) => [new RegExp(`(?<=[{,\\s])${from}(?=: function)`, 'g'), to]),
  ];
  for (const [pattern, to] of renames) {
    if (!pattern.test(glue)) throw new Error(`wasm-bindgen's glue changed shape (${pattern}): update .ci/post-build.mjs`);
    glue = glue.replace(pattern, () => to);
  }
  // The glue reads every export as `wasm.name` (`wasm = instance.exports`);
  // some (wasm-bindgen's own globals) it never reads.
  if (glue.match(/\.exports\b/g)?.length !== 1 || !glue.includes('wasm = instance.exports;')) {
    throw new Error("the glue reads the wasm's exports other than through `wasm`: update .ci/post-build.mjs");
  }
  for (const [from, to] of exported) glue = glue.replace(new RegExp(`(?<=\\bwasm\\.)${from}\\b`, 'g'), () => to);
  return glue;
}

const exports = [/^export class /m, /^export function /m, /^export \{ initSync, __wbg_init as default \};$/m];
for (const e of exports) {
  if (!e.test(glue)) throw new Error(`wasm-bindgen's glue changed shape (${e}): update .ci/post-build.mjs`);
}
const inlined = glue
  .replace(/^export class /gm, 'class ')
  .replace(/^export function /gm, 'function ')
  .replace(/^export \{ initSync, __wbg_init as default \};$/m, '');

const entryName = 'policy-widget.js';
const importLine = "import init, { mountWidget } from './privacy-policy-widget.js';";
const entry = readFileSync(path(entryName), 'utf8');
if (!entry.includes(importLine) || !entry.includes("'__WASM_INTEGRITY__'")) {
  throw new Error('www/policy-widget.js lost its import line or its integrity placeholder');
}
const wasmHash = createHash('sha384').update(readFileSync(path(wasmName))).digest('base64');
const bundled = entry
  .replace(importLine, `// ---- wasm-bindgen glue (bundled at build time) ----\n${inlined}\n// ---- the entry ----\nconst init = __wbg_init;`)
  .replace("'__WASM_INTEGRITY__'", `'sha384-${wasmHash}'`);
const banner = '/*! privacy-policy widget, MIT OR Apache-2.0. Readable source: www/policy-widget.js and wasm-bindgen\'s glue. */';
const minified = await minify(bundled, {
  module: true,
  compress: { passes: 2 },
  format: { comments: false, preamble: banner },
});
writeFileSync(path(entryName), minified.code);
rmSync(path(glueName));

// index.html is the build's configuration as well as the demo page: the page
// keeps neither the build's tags nor its comments about them.
const demoPage = html.replace(/^\s*<!--[\s\S]*?-->\s*$/gm, '').replace(/^\s*<link[^>]*data-trunk[^>]*>\s*$/gm, '');
writeFileSync(path('index.html'), demoPage);
