// The quiz on a phone, measured in headless Chromium (issue 14): the height of every excerpt item
// of the default Dutch set at 360×800, as a student first meets it (explanations closed, nothing
// answered), reached one after another with the item navigator's "Volgend onderdeel". Prints the
// tallest, the median and the shortest, the median and the tallest against the budget (≤ 1,700 px;
// 4,428 px before the redesign), and the same at 1280×800 for comparison.
//
// Usage: node tests/browser/bench-quiz.mjs   (scripts/bench runs it; build first)

import { READY, launchBrowser, startServer } from './harness.mjs';

const BUDGET = 1700;

/** The height of each excerpt item in the quiz at `width`×`height`, in display order. */
async function excerptHeights(browser, url, width, height) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(READY).waitFor();
  await page.getByRole('tab', { name: 'Quiz', exact: true }).click();
  const heights = [];
  const next = page.getByRole('button', { name: 'Volgend onderdeel', exact: true });
  for (;;) {
    const item = page.locator('.quiz-item');
    const heading = await item.getByRole('heading', { level: 3 }).innerText();
    if (!heading.startsWith('Fragment')) break;
    heights.push(Math.round((await item.boundingBox()).height));
    if ((await next.getAttribute('aria-disabled')) === 'true') break;
    await next.click();
    await page.waitForFunction((before) => document.querySelector('.quiz-item h3')?.textContent !== before, heading);
  }
  await context.close();
  return heights;
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const url = server.href('/www/index.html');
  console.log('\nthe quiz: one excerpt item (explanations closed), default Dutch set');
  for (const [w, h] of [
    [360, 800],
    [1280, 800],
  ]) {
    const heights = await excerptHeights(browser, url, w, h);
    const sorted = [...heights].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const max = sorted[sorted.length - 1];
    const within = (h) => (h <= BUDGET ? 'within' : 'OVER');
    const verdict = w === 360 ? `; budget ≤ ${BUDGET} px: median ${within(median)}, tallest ${within(max)}` : '';
    console.log(`  ${w}×${h}: tallest ${max} px, median ${median} px, shortest ${sorted[0]} px over ${heights.length} excerpts${verdict}`);
  }
} finally {
  await browser.close();
  server.stop();
}
