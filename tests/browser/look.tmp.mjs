import { startServer, launchBrowser, openPage, axeViolations, formatAxe } from '/work/wt-quiz-web/tests/browser/harness.mjs';
const server = await startServer();
const browser = await launchBrowser();
try {
  const vp = process.argv[2] === 'phone' ? { width: 390, height: 844 } : { width: 1280, height: 900 };
  const context = await browser.newContext({ viewport: vp });
  const page = await context.newPage();
  await page.addInitScript(() => Object.defineProperty(window, 'localStorage', { get() { throw new Error('blocked'); } }));
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('CONSOLE', m.text()));
  await page.goto(server.url);
  await page.locator('[data-ready="true"]').waitFor();
  await page.getByRole('tab', { name: 'Quiz' }).click();
  await page.screenshot({ path: `/tmp/qw/quiz-${process.argv[2] ?? 'laptop'}.png`, fullPage: true });
  console.log(formatAxe(await axeViolations(page)));
} finally {
  await browser.close();
  await server.stop();
}
