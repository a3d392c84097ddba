// policy-widget.js — the widget's public entry: one <script type="module"> tag.
//
//   <script type="module" src="https://cdn.example/policy-widget.js"></script>
//   <privacy-policy src="/privacy.json"></privacy-policy>
//
// It defines the <privacy-policy> element and exports `mount` for developers.
// The wasm is loaded from next to this file (import.meta.url), so the widget can
// be hosted on any origin. Nothing here writes HTML strings, sets cookies or
// touches storage; the only requests are the wasm next to it and the bundle.
//
// The build (.ci/post-build.mjs) bundles wasm-bindgen's glue in place of the
// import below and writes the wasm's SHA-384 in place of the placeholder, so one `integrity` on the script tag covers the JavaScript
// and a wasm that was tampered with is refused.

import init, { mountWidget } from './privacy-policy-widget.js';

const WASM_INTEGRITY = '__WASM_INTEGRITY__';
const wasmUrl = new URL('./privacy-policy-widget_bg.wasm', import.meta.url);
let ready;
function load() {
  ready ??= init({ module_or_path: fetch(wasmUrl, { integrity: WASM_INTEGRITY }) });
  return ready;
}

/** Attributes that override the bundle's `config` (see docs/embedding.md). */
const OPTION_ATTRIBUTES = ['initial', 'summary-position', 'heading-level', 'hide', 'show', 'accent', 'font', 'radius'];

function attributePairs(element) {
  return OPTION_ATTRIBUTES.filter((name) => element.hasAttribute(name)).map((name) => [name, element.getAttribute(name)]);
}

/**
 * Asks for the bundle at once, while the wasm is still downloading and
 * compiling, instead of after it: the two requests overlap. The widget takes
 * the answer over (with its timeout, size and error handling); a retry asks again.
 */
function requestEarly(url) {
  const controller = new AbortController();
  const response = fetch(url, { signal: controller.signal });
  // The widget handles a failure once it runs; until then it is not unhandled.
  response.catch(() => {});
  return { url, request: { response, controller } };
}

/**
 * A slot that shows the element's own HTML of the policy (`policy-widget
 * render`) until the widget shows the policy, or nothing when the element
 * holds no more than a bundle in a script.
 */
function fallbackSlot(element) {
  const own = [...element.children].some((child) => child.localName !== 'script');
  return own ? document.createElement('slot') : undefined;
}

function optionPairs(options) {
  return Object.entries(options ?? {}).map(([name, value]) => [name, String(value)]);
}

/**
 * Mounts a widget into any element (its open shadow root).
 * @param {HTMLElement} element where the widget goes
 * @param {string|object} bundle the bundle's URL, or the bundle itself
 * @param {object} [options] overrides of the bundle's config, named as the attributes
 * @returns {Promise<{destroy(): void}>}
 */
export async function mount(element, bundle, options) {
  const source = typeof bundle === 'string' ? requestEarly(bundle) : bundle;
  await load();
  return mountWidget(element, source, optionPairs(options), fallbackSlot(element));
}

class PrivacyPolicyElement extends HTMLElement {
  static observedAttributes = ['src', ...OPTION_ATTRIBUTES];

  connectedCallback() {
    this.#render();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#render();
  }

  disconnectedCallback() {
    this.widget?.destroy();
    this.widget = undefined;
  }

  async #render() {
    // Many attributes can change at once; render once for all of them.
    if (this.pending) return;
    this.pending = true;
    await Promise.resolve();
    this.pending = false;
    const inline = this.querySelector('script[type="application/json"]');
    const src = this.getAttribute('src');
    const source = src !== null ? requestEarly(src) : inline ? { json: inline.textContent } : null;
    if (source === null) return;
    try {
      await load();
      this.widget?.destroy();
      this.widget = mountWidget(this, source, attributePairs(this), fallbackSlot(this));
    } catch (error) {
      source.request?.controller.abort();
      console.error('privacy-policy: the widget could not start', error);
      this.#showStartFailure();
    }
  }

  // The wasm could not load (blocked by a CSP, a network error): say so in
  // the element rather than leave a blank box, above the page's own HTML of
  // the policy if the element holds some (a slot shows it). Built from nodes, not HTML.
  #showStartFailure() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const box = document.createElement('p');
    box.setAttribute('role', 'alert');
    box.textContent = 'The privacy policy could not be shown: the widget did not load.';
    const src = this.getAttribute('src');
    if (src) {
      box.append(' ');
      const link = document.createElement('a');
      link.href = src;
      link.textContent = 'Open the policy file.';
      box.append(link);
    }
    root.replaceChildren(box, document.createElement('slot'));
  }
}

if (!customElements.get('privacy-policy')) {
  customElements.define('privacy-policy', PrivacyPolicyElement);
}
