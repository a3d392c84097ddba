// Prints the size of what every resident downloads (the widget's JS and wasm),
// raw and compressed, and the Subresource Integrity value for the script tag;
// fails when the two exceed the budget, 150 KB gzip (BUDGET_KB=… to try another).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const BUDGET_KB = Number(process.env.BUDGET_KB ?? 150);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
function line(name, { raw, gzip, brotli }) {
  console.log(`${name.padEnd(40)} ${kb(raw).padStart(10)} raw ${kb(gzip).padStart(10)} gzip ${kb(brotli).padStart(10)} brotli`);
}
function measure(f) {
  const data = readFileSync(join(dir, f));
  const gzip = gzipSync(data, { level: 9 }).length;
  const brotli = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { raw: data.length, gzip, brotli };
}
const files = readdirSync(dir).filter((f) => /\.(js|wasm)$/.test(f)).sort();
let total = { raw: 0, gzip: 0, brotli: 0 };
for (const f of files) {
  const size = measure(f);
  total = { raw: total.raw + size.raw, gzip: total.gzip + size.gzip, brotli: total.brotli + size.brotli };
  line(f, size);
}
line('total', total);
const sri = createHash('sha384').update(readFileSync(join(dir, 'policy-widget.js'))).digest('base64');
console.log(`integrity for policy-widget.js: sha384-${sri}`);
if (total.gzip > BUDGET_KB * 1024) {
  console.error(`The widget's JS and wasm are ${kb(total.gzip)} gzip, over the budget of ${BUDGET_KB} KB by ${kb(total.gzip - BUDGET_KB * 1024)}.`);
  console.error('Every resident downloads them on every visit: find what grew (docs/performance.md, "Size").');
  process.exit(1);
}
console.log(`within the budget of ${BUDGET_KB} KB gzip: ${kb(BUDGET_KB * 1024 - total.gzip)} left`);
