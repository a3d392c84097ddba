// A minimal W3C WebDriver client: the one protocol that Debian's ChromeDriver,
// geckodriver and WebKitWebDriver all speak. Written here rather than taken
// from selenium-webdriver, whose Selenium Manager downloads drivers and
// browsers of its own, which these machines cannot do and the tests must not.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/**
 * A driver server (chromedriver, geckodriver, WebKitWebDriver) on a free
 * loopback port: `args(port)` is its command line.
 */
export async function startDriver(command, args, env = {}) {
  const port = await freePort();
  const child = spawn(command, args(port), { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${command} exited: ${stderr}`);
    try {
      const status = await (await fetch(`${url}/status`)).json();
      if (status.value?.ready !== false) break;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error(`${command} did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        child.kill();
        await once(child, 'exit');
      }
    },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** An error the driver answered with (`error` is the W3C error code). */
export class WebDriverError extends Error {
  constructor(error, message) {
    super(`${error}: ${message}`);
    this.error = error;
  }
}

/** One browser session: a browser process with a fresh profile of its own. */
export class Session {
  static async create(driverUrl, capabilities) {
    const answer = await call('POST', `${driverUrl}/session`, { capabilities: { alwaysMatch: capabilities } });
    return new Session(`${driverUrl}/session/${answer.sessionId}`, answer.capabilities);
  }

  constructor(base, capabilities) {
    this.base = base;
    this.capabilities = capabilities;
  }

  command(method, path, body) {
    return call(method, `${this.base}${path}`, body);
  }

  /** Runs `script` (a function body) in the page with `args`; returns its JSON value. */
  execute(script, args = []) {
    return this.command('POST', '/execute/sync', { script, args });
  }

  /** Sends one sequence of input actions (W3C "Perform Actions") and releases them. */
  async perform(actions) {
    await this.command('POST', '/actions', { actions });
    await this.command('DELETE', '/actions');
  }

  close() {
    return call('DELETE', this.base).catch(() => {});
  }
}

async function call(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  const value = 'value' in json ? json.value : json;
  if (!response.ok || value?.error) throw new WebDriverError(value?.error ?? response.status, value?.message ?? text);
  return value;
}
