// Takes the screenshots in docs/screenshots/ from the built demo (make dist
// first): desktop, a 320 px phone, dark mode, a glossary definition and forced colours.
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const server = await serve({ root: 'dist' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
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
await browser.close();
server.close();
