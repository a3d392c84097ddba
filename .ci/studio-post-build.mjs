// Trunk's post-build hook for the studio (www/studio/Trunk.toml): removes the
// `<link data-trunk …>` tags Trunk 0.21 leaves in its index.html, as
// post-build.mjs does for the demo's.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk');
const page = join(dir, 'index.html');
const html = readFileSync(page, 'utf8').replace(/^\s*<link[^>]*data-trunk[^>]*>\s*$/gm, '').replace(/\n{2,}/g, '\n');
writeFileSync(page, html);
