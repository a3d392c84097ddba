// Trunk's post-build hook, run in its staging folder before dist/ is replaced:
//
// 1. bundles the wasm-bindgen glue into the public entry, so `policy-widget.js`
//    is the only script: one Subresource Integrity value on the script tag
//    covers all the JavaScript;
// 2. writes the wasm's SHA-384 into that script, which fetches the wasm with
//    `integrity`, so a tampered .wasm is refused too;
// 3. minifies that script (terser: 10 KB → 7 KB gzip; www/policy-widget.js and
//    wasm-bindgen's glue are the readable sources);
// 4. removes the `<link data-trunk …>` tags Trunk 0.21 leaves in index.html.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk');
const path = (name) => join(dir, name);

const glueName = 'privacy-policy-widget.js';
const glue = readFileSync(path(glueName), 'utf8');
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
  throw new Error('www/policy-widget.js lost its import line or integrity placeholder');
}
const wasmHash = createHash('sha384').update(readFileSync(path('privacy-policy-widget_bg.wasm'))).digest('base64');
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

const html = readFileSync(path('index.html'), 'utf8');
writeFileSync(path('index.html'), html.replace(/^\s*<link[^>]*data-trunk[^>]*>\s*$/gm, ''));
