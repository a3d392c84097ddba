// The studio's page script: loads the studio's wasm, starts its app in
// <main id="studio">, and runs each import in a worker (import-worker.js).
//
// In a worker because a reader can stop on a damaged file (a panic ends a wasm
// instance): then only the worker's instance ends, and the next import starts
// a fresh one, while the page and the reviewer's work go on.

import init, { startStudio } from './privacy-policy-widget.js';

const wasm = new URL('./privacy-policy-widget_bg.wasm', import.meta.url);
// Compiled once: the page's instance and each worker's are made from it.
const compiled = WebAssembly.compileStreaming(fetch(wasm)).catch(async () =>
  // A server that does not send .wasm as application/wasm.
  WebAssembly.compile(await (await fetch(wasm)).arrayBuffer()),
);
/** The worker, once it has the module; null until the first import and after one stopped. */
let worker = null;
let nextId = 0;
const waiting = new Map();

function endWorker(reason) {
  for (const { reject, name } of waiting.values()) reject(`${name}: ${reason}`);
  waiting.clear();
  worker?.then((w) => w.terminate());
  worker = null;
}

function startWorker() {
  return compiled.then((module) => {
    const w = new Worker(new URL('./import-worker.js', import.meta.url), { type: 'module' });
    w.onmessage = ({ data }) => {
      const { resolve, reject } = waiting.get(data.id);
      waiting.delete(data.id);
      if (data.error === undefined) resolve(data.draft);
      else reject(data.error);
      if (data.ended) endWorker('the importer stopped');
    };
    w.onerror = (event) => {
      event.preventDefault();
      endWorker(`the importer could not run (${event.message || 'the worker failed'})`);
    };
    w.postMessage({ module });
    return w;
  });
}

/** Imports `source` (a Blob) named `name`: resolves to the draft as JSON, rejects with a one-line error. */
async function importInWorker(source, name) {
  worker ??= startWorker();
  const w = await worker;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject, name });
    w.postMessage({ id, source, name });
  });
}

/** The Subresource Integrity value of the widget beside the studio, for the embed snippet. */
async function widgetIntegrity() {
  try {
    const bytes = await (await fetch(new URL('../policy-widget.js', import.meta.url))).arrayBuffer();
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
    return `sha384-${btoa(String.fromCharCode(...hash))}`;
  } catch {
    return '';
  }
}

const root = document.getElementById('studio');
try {
  const [, integrity] = await Promise.all([init({ module_or_path: await compiled }), widgetIntegrity()]);
  root.replaceChildren();
  startStudio(root, importInWorker, integrity);
} catch (error) {
  const box = document.createElement('p');
  box.setAttribute('role', 'alert');
  box.textContent = `The studio could not start: ${error}.`;
  root.replaceChildren(box);
}
