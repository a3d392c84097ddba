// The floors of a wasm widget (.ci/bench/floor/): built here, for `make bench`
// to load beside the widget. Built as the widget's wasm is: its release
// profile, its size options (the Makefile's SMALL_WASM: std rebuilt for size,
// panics that trap at once), wasm-bindgen and wasm-opt -Oz with the widget's
// options (index.html's data-wasm-opt-params). Only its
// post-build step is left out (shorter names between the wasm and its glue, the
// glue minified, a second round of -Oz, which takes 12–43 bytes off a floor: a
// few hundred bytes in all).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { wasmOptParams } from '../wasm-opt-params.mjs';

const CRATE = '.ci/bench/floor';
/** wasm-bindgen from cargo's bin, wasm-opt from npm's, as the Makefile has them. */
const PATH = `${resolve('node_modules/.bin')}:${join(homedir(), '.cargo/bin')}:${process.env.PATH}`;

/** The variables the Makefile's SMALL_WASM sets, read from it so the two cannot drift (its target directory aside). */
function smallWasmEnv() {
  const makefile = readFileSync('Makefile', 'utf8').replace(/\\\n\s*/g, ' ');
  const line = makefile.match(/^SMALL_WASM = (.*)$/m);
  if (!line) throw new Error('the Makefile lost SMALL_WASM: update .ci/bench/floor.mjs');
  const vars = Object.fromEntries([...line[1].matchAll(/(\w+)=("[^"]*"|\S+)/g)].map(([, k, v]) => [k, v.replace(/^"|"$/g, '')]));
  delete vars.CARGO_TARGET_DIR;
  return vars;
}

/** The two floors, as `bench-floor.js` and `bench-floor_bg.wasm` in `<dir>/wasm` and `<dir>/yew`. */
export function buildFloors(dir) {
  const env = { ...process.env, PATH };
  const small = { ...env, ...smallWasmEnv() };
  const wasmOpt = ['-Oz', ...wasmOptParams(readFileSync('index.html', 'utf8'))];
  for (const [name, features] of [['wasm', []], ['yew', ['--features', 'yew']]]) {
    const target = join('target/bench/floor-target', name);
    execFileSync('cargo', ['build', '--locked', '--release', '--target', 'wasm32-unknown-unknown', '--manifest-path', `${CRATE}/Cargo.toml`, '--target-dir', target, ...features], { stdio: 'inherit', env: small });
    const out = join(dir, name);
    execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', out, '--out-name', 'bench-floor', '--no-typescript', join(target, 'wasm32-unknown-unknown/release/bench_floor.wasm')], { stdio: 'inherit', env });
    const wasm = join(out, 'bench-floor_bg.wasm');
    execFileSync('wasm-opt', [...wasmOpt, wasm, '-o', wasm], { stdio: 'inherit', env });
  }
}
