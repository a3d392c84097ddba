// The three browser engines residents use, as Debian packages them: Chromium
// (Chrome, Edge), Firefox ESR (Gecko) and WebKitGTK's MiniBrowser (WebKit, the
// engine of Safari and of every iPhone browser). Each is driven through its own
// WebDriver server; what an engine's driver cannot do is said here, once.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDriver } from './webdriver.mjs';

/** Chromium's switches as root, headless and offline (its background traffic off). */
export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

const WEBKIT_BROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/**
 * Each engine: how its driver starts, the capabilities of a new session, and
 * what its driver can set (`media`: print; `reducedMotion`; `colorScheme`;
 * `disableScripts`; `untilFound`: turn `hidden="until-found"` off), each
 * `true` at any time, `'launch'` only when the session starts, or `false`.
 */
export const ENGINES = {
  chromium: {
    name: 'Chromium',
    driver: () => startDriver('/usr/bin/chromedriver', (p) => [`--port=${p}`]),
    capabilities: () => ({
      browserName: 'chrome',
      'goog:chromeOptions': { binary: '/usr/bin/chromium', args: CHROMIUM_ARGS },
    }),
    can: { media: true, reducedMotion: true, colorScheme: true, disableScripts: true, untilFound: false },
    // ChromeDriver passes DevTools commands through.
    async emulate(session, { media, reducedMotion, colorScheme }) {
      const features = [
        { name: 'prefers-reduced-motion', value: reducedMotion === 'reduce' ? 'reduce' : '' },
        { name: 'prefers-color-scheme', value: colorScheme ?? '' },
      ];
      await session.command('POST', '/goog/cdp/execute', { cmd: 'Emulation.setEmulatedMedia', params: { media: media ?? '', features } });
    },
    async disableScripts(session) {
      await session.command('POST', '/goog/cdp/execute', { cmd: 'Emulation.setScriptExecutionDisabled', params: { value: true } });
    },
  },
  firefox: {
    name: 'Firefox',
    driver: () => startDriver(`${process.env.HOME}/.cargo/bin/geckodriver`, (p) => [`--port=${p}`, '--allow-system-access']),
    capabilities: ({ reducedMotion, colorScheme, scripts = true }) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless'],
        prefs: {
          'ui.prefersReducedMotion': reducedMotion === 'reduce' ? 1 : 0,
          // 0 dark, 1 light.
          'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
          'javascript.enabled': scripts,
        },
      },
    }),
    can: { media: true, reducedMotion: 'launch', colorScheme: 'launch', disableScripts: 'launch', untilFound: false },
    // Firefox's window is at least 500 px wide: the page's own <browser>
    // element is sized instead, as its responsive design mode does.
    async viewport(session, { width, height }) {
      await session.command('POST', '/window/rect', { width: Math.max(width, 800) + 100, height: height + 200 });
      await inChrome(session, `const b = gBrowser.selectedBrowser;
        for (const side of ['width', 'height']) for (const prefix of ['', 'min-', 'max-']) b.style.setProperty(prefix + side, arguments[0][side] + 'px', 'important');`, [{ width, height }]);
    },
    // geckodriver has no command for media emulation; its chrome context sets
    // what Firefox's own "simulate print media" tool sets.
    async emulate(session, { media }) {
      await inChrome(session, 'gBrowser.selectedBrowser.browsingContext.mediumOverride = arguments[0];', [media ?? '']);
    },
  },
  webkit: {
    name: 'WebKit',
    // GTK reads its settings when MiniBrowser starts, so a driver whose
    // browsers prefer reduced motion is a driver of its own.
    driverKey: ({ reducedMotion }) => reducedMotion,
    driver: async ({ reducedMotion }) => {
      const display = await xvfb();
      const config = gtkConfig({ animations: reducedMotion !== 'reduce' });
      const driver = await startDriver('/usr/bin/WebKitWebDriver', (p) => [`--port=${p}`], { DISPLAY: display.name, XDG_CONFIG_HOME: config.dir });
      return {
        url: driver.url,
        stop: async () => {
          await driver.stop();
          await display.stop();
          config.remove();
        },
      };
    },
    capabilities: ({ colorScheme, untilFound = true }) => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: WEBKIT_BROWSER,
        args: ['--automation', ...(colorScheme === 'dark' ? ['--dark-mode'] : []), ...(untilFound ? [] : ['--features=-HiddenUntilFound'])],
      },
    }),
    // WebKitWebDriver offers no emulation: print media and turning scripts
    // off are not testable through it. GTK's settings give reduced motion;
    // MiniBrowser's own switches set dark mode and turn `hidden="until-found"`
    // off, as an older Safari lacks it.
    can: { media: false, reducedMotion: 'launch', colorScheme: 'launch', disableScripts: false, untilFound: 'launch' },
    async emulate() {
      throw new Error('WebKitWebDriver cannot emulate media');
    },
  },
};

/** The engine the tests run in: $ENGINE, Chromium by default. */
export function currentEngine() {
  const id = process.env.ENGINE ?? 'chromium';
  const engine = ENGINES[id];
  if (!engine) throw new Error(`ENGINE=${id}: one of ${Object.keys(ENGINES).join(', ')}`);
  return { id, ...engine };
}

/** Runs `script` in Firefox's own window (geckodriver started with --allow-system-access). */
async function inChrome(session, script, args) {
  await session.command('POST', '/moz/context', { context: 'chrome' });
  try {
    return await session.execute(script, args);
  } finally {
    await session.command('POST', '/moz/context', { context: 'content' });
  }
}

/**
 * GTK's settings for MiniBrowser: its window may be as narrow as a 320 px
 * phone (its toolbar would keep it 447 px wide), and animations (so
 * `prefers-reduced-motion`) on or off.
 */
function gtkConfig({ animations }) {
  const dir = mkdtempSync(join(tmpdir(), 'webkit-gtk-'));
  mkdirSync(join(dir, 'gtk-3.0'));
  writeFileSync(join(dir, 'gtk-3.0', 'gtk.css'), '* { min-width: 0; min-height: 0; padding: 0; margin: 0; }\n');
  writeFileSync(join(dir, 'gtk-3.0', 'settings.ini'), `[Settings]\ngtk-enable-animations=${animations ? 1 : 0}\n`);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A virtual X display for WebKitGTK, which has no headless mode. */
async function xvfb() {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp', '-noreset'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const [data] = await once(child.stdio[3], 'data');
  const name = `:${String(data).trim()}`;
  // With no window manager, X gives the keyboard to the window under the
  // pointer, which starts mid-screen: off a 320 px window at the top left,
  // whose page would then have no focus, and no :focus-visible.
  execFileSync('xdotool', ['mousemove', '1', '1'], { env: { ...process.env, DISPLAY: name } });
  return {
    name,
    async stop() {
      child.kill();
      await once(child, 'exit');
    },
  };
}
