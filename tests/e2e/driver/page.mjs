// A page in one engine, driven like a person: real pointer and key input
// through WebDriver actions, and lazy locators that see through open shadow
// roots, so one set of tests runs unchanged in Chromium, Firefox and WebKit.
//
// The API is a small subset of Playwright's (locator, click, fill, waitFor…),
// whose tests this suite started as; it is not Playwright.

const TIMEOUT = 30_000;

/**
 * Runs in the page: the elements a locator's steps select. A step's selector
 * may cross shadow roots at a descendant combinator (`privacy-policy .pp-title`
 * finds the title inside the element's shadow root), as Playwright's does.
 */
function resolveInPage(steps) {
  const shadowOf = (e) => e.shadowRoot ?? null;
  const allUnder = (scope) => {
    const out = [];
    const walk = (root) => {
      for (const e of root.querySelectorAll('*')) {
        out.push(e);
        if (shadowOf(e)) walk(shadowOf(e));
      }
    };
    if (scope.nodeType === 1) {
      if (shadowOf(scope)) walk(shadowOf(scope));
    }
    walk(scope);
    return out;
  };
  const parentOf = (e) => e.parentElement ?? (e.parentNode instanceof ShadowRoot ? e.parentNode.host : null);
  // "a b > c" → [['a'], [' ', 'b'], ['>', 'c']], respecting brackets and quotes.
  const parse = (selector) => {
    const groups = [];
    let parts = [];
    let current = '';
    let depth = 0;
    let quote = null;
    let combinator = null;
    const flush = () => {
      if (current.trim()) {
        parts.push([parts.length ? combinator ?? ' ' : null, current.trim()]);
        combinator = null;
      }
      current = '';
    };
    for (const ch of selector) {
      if (quote) {
        current += ch;
        if (ch === quote) quote = null;
      } else if (ch === '"' || ch === "'") {
        quote = ch;
        current += ch;
      } else if (ch === '[' || ch === '(') {
        depth++;
        current += ch;
      } else if (ch === ']' || ch === ')') {
        depth--;
        current += ch;
      } else if (depth === 0 && ch === ',') {
        flush();
        groups.push(parts);
        parts = [];
      } else if (depth === 0 && (ch === '>' || ch === ' ')) {
        flush();
        if (ch === '>') combinator = '>';
      } else current += ch;
    }
    flush();
    groups.push(parts);
    return groups;
  };
  const matchesFrom = (e, parts, i, scope) => {
    if (!e.matches(parts[i][1])) return false;
    if (i === 0) return true;
    const inScope = (a) => {
      if (scope.nodeType === 9) return true;
      for (let p = parentOf(a); p; p = parentOf(p)) if (p === scope) return true;
      return false;
    };
    if (parts[i][0] === '>') {
      const p = parentOf(e);
      return !!p && inScope(p) && matchesFrom(p, parts, i - 1, scope);
    }
    for (let a = parentOf(e); a && inScope(a); a = parentOf(a)) if (matchesFrom(a, parts, i - 1, scope)) return true;
    return false;
  };
  const text = (e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim();
  const hasText = (e, t) => (t.regex ? new RegExp(t.regex, t.flags).test(text(e)) : text(e).toLowerCase().includes(t.text.toLowerCase()));
  const accessibleName = (e) => {
    if (e.getAttribute('aria-label')) return e.getAttribute('aria-label');
    const root = e.getRootNode();
    const by = e.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => text(root.getElementById(id) ?? document.createElement('i'))).join(' ');
    const label = e.id && root.querySelector(`label[for="${e.id}"]`);
    return label ? text(label) : text(e);
  };
  const ROLES = { button: 'button, [role=button]', searchbox: 'input[type=search], [role=searchbox]', link: 'a[href], [role=link]' };
  let scopes = [document];
  for (const step of steps) {
    let found = [];
    for (const scope of scopes) {
      const under = allUnder(scope);
      let hits;
      if (step.selector) {
        const groups = parse(step.selector);
        hits = under.filter((e) => groups.some((parts) => matchesFrom(e, parts, parts.length - 1, scope)));
      } else if (step.role) {
        hits = under.filter((e) => e.matches(ROLES[step.role]) && (!step.name || accessibleName(e).toLowerCase().includes(step.name.toLowerCase())));
      } else if (step.text) {
        // The smallest elements that hold the text.
        hits = under.filter((e) => hasText(e, step.text) && ![...e.children].some((c) => hasText(c, step.text)));
      } else hits = [scope];
      found.push(...hits.filter((e) => !found.includes(e)));
    }
    if (step.hasText) found = found.filter((e) => hasText(e, step.hasText));
    if (step.nth !== undefined) found = found.at(step.nth) ? [found.at(step.nth)] : [];
    scopes = found;
  }
  return scopes;
}

const RESOLVE = `const resolve = ${resolveInPage};`;

/** A text filter passed into the page: a string (contained, any case) or a RegExp. */
const textFilter = (t) => (t instanceof RegExp ? { regex: t.source, flags: t.flags } : { text: String(t) });

/** Keys by Playwright's names, as WebDriver's key codes. */
const KEYS = {
  Enter: '\uE007', Tab: '\uE004', Escape: '\uE00C', Backspace: '\uE003', Delete: '\uE017', Space: ' ',
  Shift: '\uE008', Control: '\uE009', Alt: '\uE00A', Meta: '\uE03D', ArrowDown: '\uE015', ArrowUp: '\uE013',
  ArrowLeft: '\uE012', ArrowRight: '\uE014', Home: '\uE011', End: '\uE010',
};

function keyActions(combo) {
  const keys = combo === '+' ? ['+'] : combo.split('+').map((k) => KEYS[k] ?? k);
  return [...keys.map((value) => ({ type: 'keyDown', value })), ...keys.reverse().map((value) => ({ type: 'keyUp', value }))];
}

export class Page {
  constructor(session, engine) {
    this.session = session;
    this.engine = engine;
    this.media = {};
    this.keyboard = {
      press: (combo) => this.session.perform([{ type: 'key', id: 'keyboard', actions: keyActions(combo) }]),
      type: (text) => this.session.perform([{ type: 'key', id: 'keyboard', actions: [...text].flatMap(keyActions) }]),
    };
  }

  goto(url) {
    return this.session.command('POST', '/url', { url });
  }

  url() {
    return this.session.command('GET', '/url');
  }

  goBack() {
    return this.session.command('POST', '/back', {});
  }

  /** Runs `fn` (a function, or an expression in a string) in the page with `arg`. */
  evaluate(fn, arg) {
    const body = typeof fn === 'function' ? `return (${fn})(arguments[0]);` : `return (${fn});`;
    return this.session.execute(body, [arg ?? null]);
  }

  /** Resolves once `fn` returns a truthy value in the page (polled every `polling` ms), or rejects after `timeout`. */
  async waitForFunction(fn, arg, { timeout = TIMEOUT, polling = 25 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(fn, arg);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${String(fn).slice(0, 200)}`);
      await new Promise((r) => setTimeout(r, polling));
    }
  }

  locator(selector, options = {}) {
    return new Locator(this, [{ selector, ...filters(options) }]);
  }

  getByRole(role, { name } = {}) {
    return new Locator(this, [{ role, name }]);
  }

  getByText(text) {
    return new Locator(this, [{ text: textFilter(text) }]);
  }

  /** Print media, reduced motion, colour scheme: where the engine's driver can. */
  async emulateMedia(media) {
    Object.assign(this.media, media);
    for (const key of Object.keys(media)) {
      if (this.engine.can[key] !== true) throw new Unsupported(`${this.engine.name}'s driver cannot emulate ${key} after launch`);
    }
    await this.engine.emulate(this.session, this.media);
  }

  /** The viewport's size in CSS pixels: the window is sized to give it. */
  async setViewportSize({ width, height }) {
    if (this.engine.viewport) return this.engine.viewport(this.session, { width, height });
    await this.session.command('POST', '/window/rect', { width, height });
    const [innerWidth, innerHeight] = await this.evaluate('[innerWidth, innerHeight]');
    if (innerWidth !== width || innerHeight !== height) {
      await this.session.command('POST', '/window/rect', { width: 2 * width - innerWidth, height: 2 * height - innerHeight });
    }
  }

  /** A PNG of the viewport. */
  async screenshot() {
    return Buffer.from(await this.session.command('GET', '/screenshot'), 'base64');
  }

  /** The cookies the page's origin holds. */
  cookies() {
    return this.session.command('GET', '/cookie');
  }

  close() {
    return this.session.close();
  }
}

/** What an engine's driver cannot do: a test skips that step and says so. */
export class Unsupported extends Error {}

const pointer = (actions) => ({ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions });
const nextPoll = () => new Promise((r) => setTimeout(r, 25));
const filters = ({ hasText } = {}) => (hasText === undefined ? {} : { hasText: textFilter(hasText) });

export class Locator {
  constructor(page, steps) {
    this.page = page;
    this.steps = steps;
  }

  locator(selector, options) {
    return new Locator(this.page, [...this.steps, { selector, ...filters(options) }]);
  }

  getByRole(role, { name } = {}) {
    return new Locator(this.page, [...this.steps, { role, name }]);
  }

  getByText(text) {
    return new Locator(this.page, [...this.steps, { text: textFilter(text) }]);
  }

  filter(options) {
    return new Locator(this.page, [...this.steps, filters(options)]);
  }

  first() {
    return this.nth(0);
  }

  nth(n) {
    return new Locator(this.page, [...this.steps, { nth: n }]);
  }

  /** Runs `fn(elements, arg)` in the page over what the locator selects now. */
  all(fn, arg) {
    const body = `${RESOLVE} return (${fn})(resolve(arguments[0]), arguments[1]);`;
    return this.page.session.execute(body, [this.steps, arg ?? null]);
  }

  /** Runs `fn(element, arg)` on the one element, waiting for it to exist. */
  async evaluate(fn, arg) {
    await this.waitFor({ state: 'attached' });
    return this.all(`(els, arg) => (${fn})(els[0], arg)`, arg);
  }

  count() {
    return this.all('(els) => els.length');
  }

  async isVisible() {
    return this.all(
      `(els) => !!els[0] && els[0].getClientRects().length > 0 && els[0].getBoundingClientRect().width * els[0].getBoundingClientRect().height > 0
        && els[0].checkVisibility({ visibilityProperty: true })`,
    );
  }

  getAttribute(name) {
    return this.evaluate((e, n) => e.getAttribute(n), name);
  }

  textContent() {
    return this.evaluate((e) => e.textContent);
  }

  allTextContents() {
    return this.all('(els) => els.map((e) => e.textContent)');
  }

  inputValue() {
    return this.evaluate((e) => e.value);
  }

  boundingBox() {
    return this.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
  }

  /** Waits for the state: `visible` (default), `hidden`, `attached` or `detached`. */
  async waitFor({ state = 'visible', timeout = TIMEOUT } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const [attached, visible] = [(await this.count()) > 0, await this.isVisible()];
      const done = { visible, hidden: !visible, attached, detached: !attached }[state];
      if (done) return;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${JSON.stringify(this.steps)} to be ${state}`);
      await nextPoll();
    }
  }

  /**
   * Where a pointer would reach the element: scrolled into view if it is not,
   * the centre of its first line box once it has stopped moving (the same
   * box four frames running: a smooth scroll, or sections above it taking
   * their real height, may move it), and only when nothing covers it there.
   */
  async point() {
    await this.waitFor();
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      const at = await this.evaluate(
        (e) =>
          new Promise((done) => {
            const r = e.getBoundingClientRect();
            if (r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) e.scrollIntoView({ block: 'center', inline: 'nearest' });
            let last = null;
            let still = 0;
            const settle = () => {
              const box = e.getClientRects()[0] ?? e.getBoundingClientRect();
              const now = [box.left, box.top, box.width, box.height].join();
              still = now === last ? still + 1 : 0;
              last = now;
              if (still < 3) {
                requestAnimationFrame(settle);
                return;
              }
              const x = box.left + box.width / 2;
              const y = box.top + box.height / 2;
              let hit = document.elementFromPoint(x, y);
              while (hit?.shadowRoot?.elementFromPoint(x, y) && hit.shadowRoot.elementFromPoint(x, y) !== hit) hit = hit.shadowRoot.elementFromPoint(x, y);
              const reaches = !!hit && (hit === e || e.contains(hit) || (e.shadowRoot?.contains(hit) ?? false));
              done(reaches ? { x, y } : null);
            };
            requestAnimationFrame(settle);
          }),
      );
      if (at) return at;
      if (Date.now() > deadline) throw new Error(`${JSON.stringify(this.steps)} is covered or out of reach`);
      await nextPoll();
    }
  }

  async click() {
    await this.pointerTo([{ type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }]);
  }

  async hover() {
    await this.pointerTo([]);
  }

  /**
   * Moves the pointer onto the element, then `then`. WebKitWebDriver can
   * refuse to aim at an element ("move target out of bounds"): it then aims
   * at the point `point` found.
   */
  async pointerTo(then) {
    const at = await this.point();
    const element = await this.all('(els) => els[0]');
    try {
      await this.page.session.perform([pointer([{ type: 'pointerMove', x: 0, y: 0, origin: element }, ...then])]);
    } catch (error) {
      if (error.error !== 'move target out of bounds') throw error;
      await this.page.session.perform([pointer([{ type: 'pointerMove', x: Math.round(at.x), y: Math.round(at.y), origin: 'viewport' }, ...then])]);
    }
  }

  async focus() {
    await this.evaluate((e) => e.focus());
  }

  async press(combo) {
    await this.focus();
    await this.page.keyboard.press(combo);
  }

  /** Types `text` key by key into the focused element. */
  async pressSequentially(text) {
    await this.focus();
    await this.page.keyboard.type(text);
  }

  /** Replaces the field's text with `text`, typed as a person would. */
  async fill(text) {
    await this.evaluate((e) => {
      e.focus();
      e.select();
    });
    if (text === '') await this.page.keyboard.press('Backspace');
    else await this.page.keyboard.type(text);
  }
}

