// Post-build hook: removes the `<link data-trunk …>` tags Trunk 0.21 leaves in the
// built index.html when inject_scripts is off. Runs in Trunk's staging folder.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this from Trunk');
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
writeFileSync(file, html.replace(/^\s*<link[^>]*data-trunk[^>]*>\s*$/gm, ''));
