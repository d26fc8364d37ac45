// Shared by the end-to-end tests: what a set's board looks like to a student (card names and the
// bin each card belongs in, computed from the set's JSON), the controls found by role and
// accessible name as a screen-reader user would find them, tap-to-place, and the page checks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The card's accessible name: its first six words, with an ellipsis when cut (as the core). */
export function cardName(text) {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > 6 ? `${words.slice(0, 6).join(' ').replace(/[.,;:\-–—\s]+$/, '')}…` : words.join(' ');
}

/**
 * Reads www/sets/`file` and returns { set, binLabel, cards }: the parsed set, a map from bin id
 * to its label, and every excerpt as { id, name, binId, bin } (its id, its card name, and the id
 * and label of the bin the set says it belongs in), in the set's order.
 */
export function readSet(file) {
  const path = fileURLToPath(new URL(`../../www/sets/${file}`, import.meta.url));
  const set = JSON.parse(readFileSync(path, 'utf8'));
  const binLabel = new Map([...set.categories, set.fallback].map((c) => [c.id, c.label]));
  const cards = set.excerpts.map((e) => ({
    id: e.id,
    name: cardName(e.text),
    binId: e.category,
    bin: binLabel.get(e.category),
  }));
  return { set, binLabel, cards };
}

/** The card's grab handle (its title button), wherever the card is. */
export const grab = (page, card) => page.getByRole('button', { name: card.name, exact: true });
/** A bin's region, by its label. */
export const bin = (page, label) => page.getByRole('region', { name: label, exact: true });
/** A bin's own button (tap target and drop target). */
export const binButton = (page, label) => bin(page, label).getByRole('button', { name: label, exact: true });
/** The live region that announces every move and check. */
export const status = (page) => page.getByRole('status');

/** Puts each card in its bin by tapping the card, then the bin, and waits until it is there. */
export async function placeByTap(page, cards) {
  for (const card of cards) {
    await grab(page, card).click();
    // The student sees the card held before choosing its bin.
    await grab(page, card).and(page.locator('[aria-pressed="true"]')).waitFor();
    await binButton(page, card.bin).click();
    await bin(page, card.bin).getByRole('button', { name: card.name, exact: true }).waitFor();
  }
}

/**
 * The board to the end: `cards[0]` in a wrong bin first, then every card right by tap, checked
 * between; resolves when the result is shown (Dutch). 16 answers: the wrong one and each card's.
 */
export async function finishBoardWithOneWrong(page, cards) {
  const [wrong, ...rest] = cards;
  const elsewhere = cards.find((c) => c.bin !== wrong.bin);
  await grab(page, wrong).click();
  await binButton(page, elsewhere.bin).click();
  await placeByTap(page, rest);
  await page.getByRole('button', { name: 'Controleer', exact: true }).click();
  await placeByTap(page, [wrong]);
  await page.getByRole('button', { name: 'Controleer', exact: true }).click();
  await page.getByRole('heading', { name: 'Resultaat' }).waitFor();
}

/** No CSP violation and no uncaught error in the page so far. */
export async function assertCleanPage(page) {
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violation');
  assert.deepEqual(page.errors, [], 'no page error');
}

/** What a finished board says, per interface language (the core's string tables). */
export const FINISHED = {
  nl: { result: 'Resultaat', passed: /Geslaagd/, done: /Klaar: je score is 100%/, right: /Goed\./, because: 'Daarom hoort het in', footnote: /voetnoot \d+/ },
  en: { result: 'Result', passed: /Passed/, done: /Done: your score is 100%/, right: /Right\./, because: 'That puts it in', footnote: /footnote \d+/ },
};

/**
 * Waits for the summary and checks a perfect attempt in language `t` (one of FINISHED): full
 * score, passed, announced, and every card in its bin with its verdict on one line, folded over
 * why — the rule's conclusion and the essay's footnote.
 */
export async function assertAllRight(page, cards, t) {
  await page.getByRole('heading', { name: t.result, exact: true }).waitFor();
  const summary = await page.locator('.summary').innerText();
  assert.match(summary, /Score: 100%/);
  assert.match(summary, t.passed);
  assert.match(await status(page).innerText(), t.done);
  for (const card of cards) {
    const item = bin(page, card.bin).getByRole('listitem').filter({ has: grab(page, card) });
    // A right card's feedback is folded to its verdict line (a button that opens the reasons);
    // the reasons are inside, out of sight.
    const verdict = item.locator('.feedback').getByRole('button', { name: t.right });
    const folded = (await verdict.getAttribute('aria-expanded')) === 'false' && !(await item.locator('.feedback p').first().isVisible());
    assert.ok(folded, `${card.name}: its feedback folded to one line`);
    const feedback = await item.locator('.feedback').textContent();
    assert.match(feedback, t.right, card.name);
    assert.ok(feedback.includes(`${t.because} ‘${card.bin}’.`), `${card.name}: ${feedback}`);
    assert.match(feedback, t.footnote, card.name);
  }
}

/** The bar's bins, shown while a card is held (Dutch: "Leg het in:"). */
export const tray = (page) => page.getByRole('group', { name: 'Leg het in:', exact: true });
/** The bar's button for the bin labelled `label`, the `k`th (1-based: its key). */
export const trayButton = (page, label, k) => tray(page).getByRole('button', { name: `${k} ${label}`, exact: true });

/** Each bin's label in the board's order (the set's categories, then its fallback). */
export const binOrder = (set) => [...set.categories, set.fallback].map((c) => c.label);

/**
 * How far the page must scroll for `locator` to be tappable: 0 when it lies inside the viewport
 * and is what a tap at its centre reaches, else the distance from the viewport to it.
 */
export async function scrollToReach(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return Infinity;
    const below = Math.max(0, r.bottom - innerHeight);
    const above = Math.max(0, -r.top);
    if (below || above) return Math.max(below, above);
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return el.contains(hit) ? 0 : innerHeight;
  });
}

/**
 * Sorts the whole board right by tap on a phone: for each card (in the pile's order) tap its
 * title, then its bin in the bar. Returns the largest distance the page would have had to scroll
 * between tapping a card and its bin being tappable.
 */
export async function sortByTapMeasuringReach(page, set, cards) {
  const order = binOrder(set);
  let worst = 0;
  for (;;) {
    const first = page.locator('.pile li.card .grab').first();
    if (!(await first.count())) break;
    const name = (await first.textContent()).trim();
    const card = cards.find((c) => c.name === name);
    await grab(page, card).click();
    const button = trayButton(page, card.bin, order.indexOf(card.bin) + 1);
    worst = Math.max(worst, await scrollToReach(button));
    await button.click();
    await bin(page, card.bin).getByRole('button', { name: card.name, exact: true }).waitFor();
  }
  return worst;
}

/**
 * Sorts the whole board right with the keyboard alone, from a freshly loaded page: Tab to the
 * first card, then per card Space and either its bin's digit (`digits`) or the arrow keys
 * (the shorter way round), Enter; finally Enter on the check button, where focus lands after the
 * last drop. Returns the number of key presses.
 */
export async function sortByKeyboard(page, set, cards, { digits }) {
  const order = binOrder(set);
  let presses = 0;
  const press = async (key) => {
    presses++;
    await page.keyboard.press(key);
  };
  const focusedName = () => page.evaluate(() => document.activeElement?.textContent.trim() ?? '');
  const onPileGrab = () => page.evaluate(() => !!document.activeElement?.matches('.pile .grab'));
  for (let i = 0; i < 60 && !(await onPileGrab()); i++) await press('Tab');
  while (await onPileGrab()) {
    const name = await focusedName();
    const card = cards.find((c) => c.name === name);
    await press('Space');
    const k = order.indexOf(card.bin);
    if (digits) {
      await press(String(k + 1));
    } else {
      const back = order.length - k;
      for (let j = 0; j < Math.min(k, back); j++) await press(k <= back ? 'ArrowRight' : 'ArrowLeft');
      await press('Enter');
    }
    await bin(page, card.bin).getByRole('button', { name: card.name, exact: true }).waitFor();
  }
  assert.equal(await focusedName(), 'Controleer', 'focus on the check button after the last card');
  await press('Enter');
  return presses;
}
