// Runs the studio's importer (src/studio/engine.rs) off the page, on its own
// instance of the studio's wasm: the page sends the compiled module first,
// then files. Answers { id, draft } or { id, error }; after
// the wasm stopped (a trap: a reader's panic), `ended` tells the page to start
// another worker, since this instance can run nothing more.

import init, { importPolicy, interruptedRead } from './privacy-policy-widget.js';

let ready;

self.onmessage = async ({ data: { module, id, source, name } }) => {
  if (module) {
    ready = init({ module_or_path: module });
    return;
  }
  try {
    await ready;
    const bytes = new Uint8Array(await source.arrayBuffer());
    self.postMessage({ id, draft: importPolicy(bytes, name) });
  } catch (error) {
    if (typeof error === 'string') {
      self.postMessage({ id, error });
    } else {
      // The message the command gives for this file, where the reader knows it.
      let why;
      try {
        why = error instanceof WebAssembly.RuntimeError ? interruptedRead() : undefined;
      } catch {
        // The instance cannot even say: the general line below.
      }
      const message = why
        ? `${name}: ${why}`
        : `${name}: the importer could not read this file: it may be damaged. Open it and save it again (a PDF: print it to a new PDF), or bring the policy in another format.`;
      self.postMessage({ id, error: message, ended: true });
    }
  }
};
