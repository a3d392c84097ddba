// Takes the screenshots in docs/screenshots/ from the built demo (make dist
// first): desktop, a 320 px phone, dark mode, a glossary definition, forced
// colours and the studio in Chromium; then, in each engine (Chromium, Firefox, WebKit), a
// 320 px phone with a section open and focus on its header, and a desktop with
// a glossary definition shown (docs/screenshots/engines/).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { CHROMIUM_ARGS, ENGINES } from '../tests/e2e/driver/engines.mjs';
import { Page } from '../tests/e2e/driver/page.mjs';
import { Session } from '../tests/e2e/driver/webdriver.mjs';

const server = await serve({ root: 'dist' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
const shots = [
  { name: 'desktop', policy: 'massgov-2016', viewport: { width: 1100, height: 1300 } },
  { name: 'phone-320', policy: 'concord', viewport: { width: 320, height: 1100 }, open: 'third-party-services' },
  { name: 'dark', policy: 'westfield', viewport: { width: 900, height: 1200 }, colorScheme: 'dark', open: 'security' },
  { name: 'glossary', policy: 'massgov-2016', viewport: { width: 700, height: 700 }, hover: '.pp-intro .pp-term-button' },
  { name: 'forced-colors', policy: 'cambridge-schools', viewport: { width: 900, height: 1200 }, forcedColors: 'active', open: 'personally-identifiable-information' },
];
for (const shot of shots) {
  const context = await browser.newContext({ viewport: shot.viewport, colorScheme: shot.colorScheme ?? 'light', forcedColors: shot.forcedColors ?? 'none', reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${server.url}/?policy=${shot.policy}${shot.open ? `#${shot.open}` : ''}`);
  await page.locator('privacy-policy .pp-header').waitFor();
  if (shot.open) await page.locator(`privacy-policy #${shot.open}-button[aria-expanded=true]`).waitFor();
  if (shot.hover) {
    const target = page.locator(`privacy-policy ${shot.hover}`).first();
    await target.scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 200);
    await target.hover();
  }
  await page.screenshot({ path: `docs/screenshots/${shot.name}.png` });
  console.log(`docs/screenshots/${shot.name}.png`);
  await context.close();
}
// The studio with Concord's text imported, a date mistyped (its message beside
// it, the field marked), and the preview beside.
{
  const context = await browser.newContext({ viewport: { width: 1100, height: 820 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${server.url}/studio/`);
  await page.locator('#policy-text').fill(readFileSync('tests/fixtures/seeds/000_e7f2c20e997ced50.txt', 'utf8'));
  await page.getByRole('button', { name: 'Import the text' }).click();
  await page.locator('#f-meta-effective_date').fill('2024-13-45');
  await page.locator('.preview privacy-policy .pp-title').waitFor();
  await page.locator('#part-meta').evaluate((part) => part.scrollIntoView());
  await page.locator('#f-meta-effective_date').focus();
  await page.screenshot({ path: 'docs/screenshots/studio.png' });
  console.log('docs/screenshots/studio.png');
  await context.close();
}
await browser.close();

// The same widget in each engine residents use.
mkdirSync('docs/screenshots/engines', { recursive: true });
const engineShots = [
  // A deep link opens Mass.gov's tools section; Tab from it shows its header's focus ring.
  { name: '320', policy: 'massgov-2016', viewport: { width: 320, height: 900 }, open: 'usage-data-and-known-persistent-cookies', focus: true },
  { name: 'desktop', policy: 'massgov-2016', viewport: { width: 1100, height: 900 }, popover: '.pp-intro .pp-term-button' },
];
for (const [id, engine] of Object.entries(ENGINES)) {
  const prefs = { reducedMotion: 'reduce' };
  const driver = await engine.driver(prefs);
  for (const shot of engineShots) {
    const session = await Session.create(driver.url, engine.capabilities(prefs));
    const page = new Page(session, engine);
    await page.setViewportSize(shot.viewport);
    if (engine.can.reducedMotion === true) await engine.emulate(session, prefs);
    await page.goto(`${server.url}/?policy=${shot.policy}${shot.open ? `#${shot.open}` : ''}`);
    await page.locator('privacy-policy .pp-header').waitFor();
    if (shot.open) {
      const header = page.locator(`privacy-policy #${shot.open}-button[aria-expanded=true]`);
      await header.waitFor();
      // Keyboard focus, as after Shift+Tab back onto the header.
      await page.locator(`privacy-policy #${shot.open}-panel a`).first().press('Shift+Tab');
      await page.evaluate(() => scrollTo(0, scrollY - 40));
    }
    if (shot.popover) {
      const term = page.locator(`privacy-policy ${shot.popover}`).first();
      await term.evaluate((t) => t.scrollIntoView({ block: 'center' }));
      await term.hover();
    }
    const path = `docs/screenshots/engines/${id}-${shot.name}.png`;
    writeFileSync(path, await page.screenshot());
    console.log(path);
    await session.close();
  }
  await driver.stop();
}
server.close();
