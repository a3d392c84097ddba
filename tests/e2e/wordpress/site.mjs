// A real WordPress for the end-to-end tests: Debian's `wordpress` package (its
// files copied into a scratch folder with a wp-config.php of the test's own,
// so /etc and /var/lib are not touched), a scratch MariaDB on a Unix socket,
// and PHP's own web server on loopback. The plugin is installed from the zip
// `make package` writes, by WordPress's installer (setup.php).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const WORDPRESS = '/usr/share/wordpress';
const here = new URL('.', import.meta.url).pathname;

/** A free port on loopback: WordPress must know its address before it is served. */
async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once `probe()` does not throw, polling; rejects with `what` after `ms`. */
async function until(probe, what, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: ${error.message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Starts a site with the plugin installed, a bundle uploaded and an Editor's
 * pages (setup.php); `stop()` ends it and removes its files.
 */
export async function startWordPress({ zip, bundle, invalidBundle }) {
  const root = mkdtempSync(join(tmpdir(), 'wordpress-'));
  const processes = [];
  const stop = async () => {
    // Each in a process group of its own: PHP's server forks its workers.
    for (const child of processes) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const data = join(root, 'db');
    const socket = join(root, 'db.sock');
    const user = userInfo().username;
    execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, `--user=${user}`, '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'ignore' });
    const database = spawn('mariadbd', ['--no-defaults', `--datadir=${data}`, `--socket=${socket}`, '--skip-networking', `--user=${user}`, `--log-error=${join(root, 'db.log')}`], { stdio: 'ignore', detached: true });
    processes.push(database);
    const sql = (statement) => execFileSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', statement], { stdio: 'pipe' });
    await until(() => sql('SELECT 1'), 'MariaDB did not start');
    sql('CREATE DATABASE wordpress');

    const site = join(root, 'site');
    for (const part of ['wp-admin', 'wp-includes', 'wp-content/themes']) cpSync(join(WORDPRESS, part), join(site, part), { recursive: true, dereference: true });
    for (const file of execFileSync('find', [WORDPRESS, '-maxdepth', '1', '-name', '*.php', '!', '-name', 'wp-config.php'], { encoding: 'utf8' }).trim().split('\n')) {
      cpSync(file, join(site, file.slice(WORDPRESS.length + 1)), { dereference: true });
    }
    mkdirSync(join(site, 'wp-content/plugins'), { recursive: true });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    writeFileSync(join(site, 'wp-config.php'), `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:${socket}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'WP_HOME', '${url}' );
define( 'WP_SITEURL', '${url}' );
// What the issue's hardest case asks: nobody, administrators included, may post raw HTML.
define( 'DISALLOW_UNFILTERED_HTML', true );
define( 'FS_METHOD', 'direct' );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISABLE_WP_CRON', true );
$table_prefix = 'wp_';
require_once __DIR__ . '/wp-settings.php';
`);
    const php = (script, ...args) => execFileSync('php', [join(here, script), site, ...args], { encoding: 'utf8', env: { ...process.env, HTTP_HOST: `127.0.0.1:${port}` } });
    php('install.php');
    const report = JSON.parse(php('setup.php', zip, bundle, invalidBundle));

    const requests = [];
    const server = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', site], { env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' }, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    processes.push(server);
    server.stderr.setEncoding('utf8');
    server.stderr.on('data', (text) => {
      for (const [, path] of text.matchAll(/\[\d+\]: (?:GET|POST|HEAD) (\S+)/g)) requests.push(path);
    });
    await until(() => fetch(`${url}/wp-login.php`).then((r) => r.text()), 'PHP\u2019s web server did not start');
    return { url, root, report, requests, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
