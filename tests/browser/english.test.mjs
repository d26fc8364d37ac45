// End-to-end: the English default set. Opened with only ?set=sets/snijders-en.json (no ?lang=),
// the whole page is English because the set says so; a student finishes it by tap-to-place and
// gets English feedback, under axe-core with no violation and the strict CSP with none either.
// Every card says, in English, what kind of text it comes from, and its source's context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openPage, axeViolations, formatAxe } from './harness.mjs';
import { readSet, placeByTap, assertCleanPage, assertAllRight, FINISHED, grab } from './board.mjs';

const { set, cards } = readSet('snijders-en.json');
/** The English names of the kinds of source (the core's string table). */
const KIND = { diary: 'Diary', memoir: 'Memoir', newspaper: 'Newspaper', letter: 'Letter' };

const env = serverAndBrowser();

test('the English set opens in English and is finished by tap-to-place', async () => {
  const page = await openPage(env.browser, env.server.href('/www/index.html?set=sets/snijders-en.json'), {
    viewport: { width: 1024, height: 768 },
  });
  // The page, not only the widget, takes the set's language.
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim().toLowerCase(), 'sorting diaries');
  assert.match(await page.title(), /^Sorting diaries/);
  assert.equal(await page.getByRole('button', { name: 'Controleer' }).count(), 0, 'no Dutch Check button');
  let violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe on the fresh board:\n${formatAxe(violations)}`);
  for (const [k, e] of set.excerpts.entries()) {
    const card = page.getByRole('listitem').filter({ has: grab(page, cards[k]) });
    assert.equal(await card.locator('.source-kind').textContent(), KIND[e.source.kind ?? 'diary'], `${e.id}: kind of source`);
    const context = card.locator('.source-context');
    assert.equal(await context.count(), e.source.context ? 1 : 0, `${e.id}: context shown when the set has it`);
    if (e.source.context) assert.equal(await context.textContent(), e.source.context, e.id);
  }
  const kinds = new Set(set.excerpts.map((e) => e.source.kind));
  assert.deepEqual([...kinds].sort(), ['diary', 'letter', 'memoir', 'newspaper'], 'the default set has every kind');

  await placeByTap(page, cards);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await assertAllRight(page, cards, FINISHED.en);

  violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe with feedback shown:\n${formatAxe(violations)}`);
  await assertCleanPage(page);
  await page.context().close();
});
