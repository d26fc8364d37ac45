// The quiz on a phone, measured in headless Chromium (issue 14): the height of every excerpt item
// of the default sets (Dutch, then English) at 360×800, as a student first meets it
// (explanations closed, nothing answered), reached one after another with the item navigator's
// next button. Prints the tallest, the median and the shortest, each set's tallest against the
// budget (≤ 1,700 px; 4,428 px before the redesign), and the same at 1280×800 for comparison.
//
// Usage: node tests/browser/bench-quiz.mjs   (scripts/bench runs it; build first)

import { READY, launchBrowser, startServer } from './harness.mjs';

const BUDGET = 1700;

/** Each default set: its address and the words that find its items. */
const SETS = [
  { name: 'Dutch', path: '/www/index.html', excerpt: /^Fragment \d+ van \d+$/, next: 'Volgend onderdeel' },
  { name: 'English', path: '/www/index.html?set=sets/snijders-en.json', excerpt: /^Excerpt \d+ of \d+$/, next: 'Next item' },
];

/** The height of each excerpt item in the quiz at `width`×`height`, in display order. */
async function excerptHeights(browser, url, set, width, height) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(READY).waitFor();
  await page.getByRole('tab', { name: 'Quiz', exact: true }).click();
  const heights = [];
  const next = page.getByRole('button', { name: set.next, exact: true });
  for (;;) {
    const heading = page.getByRole('heading', { level: 3 }).first();
    const name = await heading.innerText();
    if (!set.excerpt.test(name)) break;
    const item = page.getByRole('region', { name, exact: true });
    heights.push(Math.round((await item.boundingBox()).height));
    if ((await next.getAttribute('aria-disabled')) === 'true') break;
    await next.click();
    await page.getByRole('heading', { name, exact: true }).waitFor({ state: 'detached' });
  }
  await context.close();
  return heights;
}

const server = await startServer();
const browser = await launchBrowser();
try {
  console.log('\nthe quiz: one excerpt item (explanations closed), default sets');
  for (const set of SETS) {
    for (const [w, h] of [
      [360, 800],
      [1280, 800],
    ]) {
      const heights = await excerptHeights(browser, server.href(set.path), set, w, h);
      const sorted = [...heights].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)];
      const max = sorted[sorted.length - 1];
      const verdict = w === 360 ? `; budget ≤ ${BUDGET} px: ${max <= BUDGET ? 'every item within' : 'tallest OVER'}` : '';
      const line = `tallest ${max} px, median ${median} px, shortest ${sorted[0]} px over ${heights.length} excerpts${verdict}`;
      console.log(`  ${set.name}, ${w}×${h}: ${line}`);
    }
  }
} finally {
  await browser.close();
  server.stop();
}
