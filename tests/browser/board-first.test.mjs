// The self-study page loads the board's module first (pkg/board/, without the quiz's view) and
// the whole module when the quiz is wanted: what a student must not notice. The board comes from
// the board's module alone; choosing the quiz (tap, click or the arrow keys) brings the quiz with
// focus where the choice puts it, the board as the student left it and no "restored" notice; a
// whole module that does not arrive is said in the quiz's panel, and "Try again" brings it. Once
// the quiz has been used, a reload fetches the whole module at once and mounts it directly. A set
// with problems is the whole module's to put into words (the board's module has not their texts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openPage, axeViolations, formatAxe, READY } from './harness.mjs';
import { assertCleanPage, bin, placeByTap, readSet } from './board.mjs';
import { QUIZ, focused } from './quiz.mjs';

const { cards } = readSet('snijders-nl.json');
const t = QUIZ.nl;
const env = serverAndBrowser();
const SIZES = [
  ['360×800', { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true }],
  ['1280×800', { viewport: { width: 1280, height: 800 } }],
];
const WHOLE = /\/pkg\/diary_sort_bg\.wasm$/;
const BOARD = /\/pkg\/board\/diary_sort_bg\.wasm$/;

const itemHeading = (page) => page.locator('.quiz-item').getByRole('heading', { level: 3 });
const restored = (page) => page.getByText('Je vorige poging is hersteld.');

/** Records, in the page, when the widget first becomes ready. */
function recordReady(selector) {
  window.__readyAt = null;
  const observer = new MutationObserver(() => {
    if (window.__readyAt === null && document.querySelector(selector)) {
      window.__readyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
}

/** The URLs of the files the page fetched before the widget was ready. */
function fetchedBeforeReady(page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((r) => r.startTime < window.__readyAt)
      .map((r) => r.name),
  );
}

/** Opens the default set; `offline` keeps the whole module from arriving. Returns the page and
 * the paths of the files fetched before the board was ready. */
async function openBoard(context, { offline = false } = {}) {
  const page = await openPage(env.browser, null, context);
  if (offline) await page.route(WHOLE, (route) => route.abort('internetdisconnected'));
  await page.addInitScript(recordReady, READY);
  await page.goto(env.server.url, { waitUntil: 'load' });
  await page.locator(READY).first().waitFor();
  return { page, beforeReady: await fetchedBeforeReady(page) };
}

async function assertNoAxe(page, screen) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe on ${screen}:\n${formatAxe(violations)}`);
}

for (const [size, context] of SIZES) {
  test(`${size}: the board from the board's module; a tap on the quiz's tab brings the quiz, focus on its item, the board as it was`, async () => {
    const { page, beforeReady } = await openBoard(context);
    assert.ok(beforeReady.some((u) => BOARD.test(u)), "the board's module is loaded");
    assert.ok(!beforeReady.some((u) => WHOLE.test(u)), 'the whole module is not loaded before the board is there');
    await placeByTap(page, [cards[0]]);
    await page.getByRole('tab', { name: t.tabQuiz }).click();
    await itemHeading(page).waitFor();
    assert.ok(await focused(itemHeading(page)), 'focus on the quiz item, as a click on its tab gives');
    await assertNoAxe(page, `the quiz after the whole module took over (${size})`);
    await page.getByRole('tab', { name: t.tabBoard }).click();
    await bin(page, cards[0].bin).getByRole('button', { name: cards[0].name, exact: true }).waitFor();
    assert.equal(await restored(page).count(), 0, 'no notice of a restored attempt: the student never left');
    await assertNoAxe(page, `the board after the whole module took over (${size})`);
    await assertCleanPage(page);
    await page.context().close();
  });
}

test("keyboard: the arrow key on the tabs brings the quiz with focus on the quiz's tab", async () => {
  const { page } = await openBoard(SIZES[1][1]);
  const boardTab = page.getByRole('tab', { name: t.tabBoard });
  await boardTab.focus();
  await page.keyboard.press('ArrowRight');
  await itemHeading(page).waitFor();
  const quizTab = page.getByRole('tab', { name: t.tabQuiz });
  assert.equal(await quizTab.getAttribute('aria-selected'), 'true');
  assert.ok(await focused(quizTab), "focus stays on the quiz's tab, as in every tab list");
  // And Tab goes on into the quiz.
  await page.keyboard.press('ArrowLeft');
  assert.ok(await focused(boardTab), 'the arrow keys go on working on the new tabs');
  await assertCleanPage(page);
  await page.context().close();
});

test('the whole module does not arrive: the quiz panel says so, "Try again" brings it, the board is kept', async () => {
  const { page } = await openBoard(SIZES[0][1], { offline: true });
  await placeByTap(page, [cards[0]]);
  await page.getByRole('tab', { name: t.tabQuiz }).click();
  const said = page.getByRole('status').filter({ hasText: 'De quiz kon niet worden geladen' });
  await said.waitFor();
  assert.match(await said.innerText(), /^De quiz kon niet worden geladen \(.+\)\. Controleer je verbinding en probeer het opnieuw\.$/);
  await assertNoAxe(page, 'the quiz that could not be loaded');
  await page.unroute(WHOLE);
  await page.getByRole('button', { name: 'Opnieuw proberen', exact: true }).click();
  await itemHeading(page).waitFor();
  assert.ok(await focused(itemHeading(page)), 'focus on the quiz item after "Try again"');
  await page.getByRole('tab', { name: t.tabBoard }).click();
  await bin(page, cards[0].bin).getByRole('button', { name: cards[0].name, exact: true }).waitFor();
  assert.deepEqual(page.errors, [], 'no page error');
  await page.context().close();
});

test('once the quiz has been used, a reload fetches the whole module at once and opens the quiz with it', async () => {
  const { page } = await openBoard(SIZES[0][1]);
  await page.getByRole('tab', { name: t.tabQuiz }).click();
  await itemHeading(page).waitFor();
  await page.reload({ waitUntil: 'load' });
  await page.locator(READY).first().waitFor();
  const beforeReady = await fetchedBeforeReady(page);
  assert.ok(beforeReady.some((u) => WHOLE.test(u)), 'the whole module is fetched before the widget is mounted');
  await itemHeading(page).waitFor();
  assert.equal(await page.locator('.quiz-later').count(), 0, "the whole module's widget, not the board's stand-in");
  await assertNoAxe(page, 'the quiz after a reload');
  await assertCleanPage(page);
  await page.context().close();
});

test('a reload on the quiz without that mark: the whole module takes over as the page opens, with the notices of any load', async () => {
  const { page } = await openBoard(SIZES[0][1]);
  await placeByTap(page, [cards[0]]);
  await page.getByRole('tab', { name: t.tabQuiz }).click();
  await itemHeading(page).waitFor();
  // As a browser that kept the attempt from before the mark existed.
  await page.evaluate(() => window.localStorage.removeItem('diary-sort:page:quiz-wanted'));
  await page.reload({ waitUntil: 'load' });
  await itemHeading(page).waitFor();
  await page.getByRole('tab', { name: t.tabBoard }).click();
  await bin(page, cards[0].bin).getByRole('button', { name: cards[0].name, exact: true }).waitFor();
  assert.equal(await restored(page).count(), 1, 'the board says that the attempt was restored, as after any reload');
  await assertCleanPage(page);
  await page.context().close();
});

test("a set with problems: the whole module lists them in the page's language; without it, the stand-in says so", async () => {
  for (const [locale, lead, loading] of [
    ['nl-NL', 'Deze oefenset kan niet worden geladen.', 'De oefening kon niet worden geladen'],
    ['en-US', 'This exercise set cannot be loaded.', 'The exercise could not be loaded'],
  ]) {
    const page = await openPage(env.browser, null, { ...SIZES[0][1], locale });
    await page.route('**/www/sets/broken.json', (route) => route.fulfill({ contentType: 'application/json', body: '{ not json' }));
    await page.goto(env.server.href('/www/index.html?set=sets/broken.json'), { waitUntil: 'load' });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.ok((await alert.locator('p').first().innerText()).startsWith(lead), locale);
    assert.match(await alert.getByRole('listitem').first().innerText(), /^1:3: /, `${locale}: the problem, with its line and column`);
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    assert.ok(fetched.some((u) => BOARD.test(u)) && fetched.some((u) => WHOLE.test(u)), `${locale}: the board's module, then the whole one`);
    await assertNoAxe(page, `a set with problems (${locale})`);
    assert.deepEqual(page.errors, [], 'no page error');
    // The whole module does not arrive: the board's module says so and offers to try again.
    await page.route(WHOLE, (route) => route.abort('internetdisconnected'));
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('status').filter({ hasText: loading }).waitFor();
    await page.unroute(WHOLE);
    await page.getByRole('button', { name: locale === 'nl-NL' ? 'Opnieuw proberen' : 'Try again', exact: true }).click();
    await alert.waitFor();
    await page.context().close();
  }
});
