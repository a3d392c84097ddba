#!/usr/bin/env node
// `policy-widget` from npm (`npx privacy-policy-widget import policy.pdf`):
// the project's command, its Rust compiled to WebAssembly (the studio's
// wasm, src/cli/), run by Node alone: no Rust, any OS. This file gives it
// files, stdin and, for `import https://…`, the page fetched before the run;
// the output and exit codes are the native command's.
import { readFileSync, readSync, statSync } from 'node:fs';
import init, { interruptedRead, runCommand } from './privacy-policy-widget.js';

const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** A file's bytes; else throws a code the command words as the native one does. */
function read(path, limit) {
  if (path === '-') return readStdin(limit);
  const reason = (e) => (e.code === 'ENOENT' ? 'ENOENT' : e.code === 'EACCES' || e.code === 'EPERM' ? 'EACCES' : e.message);
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    throw reason(e);
  }
  if (stat.isDirectory()) throw 'EISDIR';
  if (stat.size > limit) throw `EFBIG:${stat.size}`;
  try {
    return readFileSync(path);
  } catch (e) {
    throw reason(e);
  }
}

/** Stdin, up to one byte over `limit` (which the command then refuses). */
function readStdin(limit) {
  const chunks = [];
  const chunk = Buffer.alloc(1 << 16);
  let total = 0;
  while (total <= limit) {
    let n;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      if (e.code === 'EAGAIN') continue;
      if (e.code === 'EOF') break;
      throw e.message;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    total += n;
  }
  return Buffer.concat(chunks);
}

/** The file or address `import` is given, if any: its first argument that is not an option or an option's value. */
function fileToImport(args) {
  if (args[0] !== 'import') return null;
  for (let i = 1; i < args.length; i++) {
    if (args[i].startsWith('--')) {
      if (!args[i].includes('=')) i++;
      continue;
    }
    return args[i];
  }
  return null;
}

/** The page at `address`, fetched as the native command fetches it, or the line that says why not. */
async function prefetch(args) {
  const address = fileToImport(args);
  if (!address || !/^https?:\/\//.test(address)) return null;
  const option = args.find((a) => a.startsWith('--timeout='))?.slice(10) ?? args[args.indexOf('--timeout') + 1];
  const timeout = args.some((a) => a.startsWith('--timeout')) ? Number(option) : 30;
  try {
    const response = await fetch(address, {
      signal: AbortSignal.timeout(timeout * 1000),
      headers: { 'user-agent': `policy-widget/${version} (privacy policy importer)` },
    });
    if (!response.ok) return { address, error: `${address}: the server answered ${response.status} ${response.statusText}` };
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      return { address, error: `${address}: the answer could not be read (over the limit), or is over the 50 MB limit` };
    }
    return { address, bytes, contentType: response.headers.get('content-type') ?? '', url: response.url };
  } catch (e) {
    if (e.name === 'TimeoutError') return { address, error: `${address}: no answer within ${timeout} seconds (--timeout to wait longer)` };
    return { address, error: `${address}: could not be fetched (${e.cause?.message ?? e.message})` };
  }
}

const args = process.argv.slice(2);
await init({ module_or_path: readFileSync(new URL('./privacy-policy-widget_bg.wasm', import.meta.url)) });
/**
 * The wasm stopped: a reader panicked on a damaged file (in wasm a panic
 * aborts). Said as the native command says it, where the reader knows how.
 * The command runs as a future, so the trap arrives as an uncaught exception.
 */
function stopped(error) {
  let why;
  try {
    why = error instanceof WebAssembly.RuntimeError ? interruptedRead() : undefined;
  } catch {
    // The instance cannot even say: the general line below.
  }
  const what = why ? `${fileToImport(args)}: ${why}` : `the command stopped (${error})`;
  process.stderr.write(`policy-widget: ${what}\n`);
  process.exitCode = 2;
}
process.on('uncaughtException', stopped);

const [code, stdout, stderr] = await runCommand(args, read, await prefetch(args));
process.stderr.write(stderr);
process.stdout.write(stdout);
process.exitCode = code;
