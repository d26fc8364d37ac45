// Faults a student's browser can throw at the exercise, in headless Chromium: localStorage that
// throws on access, refuses writes (quota), holds a corrupted attempt or one written by an older
// version (refused, or read when that version's strings are still understood); and the wasm
// module itself trapping. In every case the student learns what happened
// from a visible notice or panel, nothing else on the page breaks, and (storage) the attempt
// goes on in memory: a card can still be placed and checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openPage, cspViolations, keepWasmMemories, READY } from './harness.mjs';
import { readSet, grab, bin, placeByTap, assertAllRight, FINISHED } from './board.mjs';

const { set, cards } = readSet('snijders-nl.json');
const env = serverAndBrowser();

/** The notices the core's Dutch string table has for storage (src/core/strings.rs). */
const NOTICE = {
  unavailable: 'Deze browser bewaart je voortgang niet; hij blijft alleen bewaard zolang deze pagina open is.',
  reset: 'Je opgeslagen poging hoort bij een andere versie van deze set of is beschadigd; je begint opnieuw.',
  resumed: 'Je vorige poging is hersteld.',
};

/** The notices the widget shows, in order: the shown mode's only (a set with both modes has a
 * notice area in each mode's panel). */
const notices = (page) => page.locator('.diary-sort .notice:visible').allInnerTexts();

/** Places `todo` (default: every card) in their bins by tapping, checks, and expects the
 * attempt finished with full marks. */
async function placeAndCheck(page, todo = cards) {
  await placeByTap(page, todo);
  await page.getByRole('button', { name: 'Controleer', exact: true }).click();
  await assertAllRight(page, cards, FINISHED.nl);
}

/** No uncaught error and no CSP violation. */
async function assertClean(page) {
  assert.deepEqual(page.errors, [], 'no page error');
  assert.deepEqual(await cspViolations(page), [], 'no CSP violation');
}

test('localStorage that throws on access: a notice, and the attempt goes on in memory', async () => {
  const page = await openPage(env.browser, null);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto(env.server.url);
  await page.locator(READY).waitFor();
  assert.deepEqual(await notices(page), [NOTICE.unavailable]);
  await placeAndCheck(page);
  await assertClean(page);
  await page.context().close();
});

test('quota exceeded after the first moves: one notice, later moves and checks still work', async () => {
  const page = await openPage(env.browser, null);
  await page.addInitScript(() => {
    // The board's attempt is saved when it starts and after each move; its third save finds
    // the storage full (the quiz's attempt and the chosen tab, under keys of their own, are not
    // counted).
    let writes = 0;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      writes += 1;
      if (writes >= 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  await page.goto(env.server.url);
  await page.locator(READY).waitFor();
  assert.deepEqual(await notices(page), [], 'nothing to say while saving works');
  await placeByTap(page, [cards[1]]);
  assert.deepEqual(await notices(page), [], 'the first move is saved');
  await placeByTap(page, [cards[2]]);
  assert.deepEqual(await notices(page), [NOTICE.unavailable], 'the refused save is noticed');
  await placeAndCheck(page, cards.slice(3).concat(cards[0]));
  assert.deepEqual(await notices(page), [NOTICE.unavailable], 'said once');
  await assertClean(page);
  await page.context().close();
});

/** Opens the page once, then returns the stored attempt's key and value (both modes and the tab). */
async function storedAttempt(page) {
  await page.goto(env.server.url);
  await page.locator(READY).waitFor();
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('diary-sort:'));
    return { key, value: localStorage.getItem(key) };
  });
}

for (const [name, spoil] of [
  ['corrupted', () => '\u0000{garbage ✂ 1.zz'],
  ['written by an older version (format 0)', (value) => value.replace(/^3_/, '0_')],
  ['with every card in a bin that does not exist', (value) => value.replace(/^(3_b_b2\.[^.]+\.[^.]+\.0\.)[^_.]+/, (_, head) => head + 'z'.repeat(cards.length))],
]) {
  test(`a stored attempt ${name}: a notice, a fresh attempt, and it is saved again`, async () => {
    const page = await openPage(env.browser, null);
    const { key, value } = await storedAttempt(page);
    assert.match(value, /^3_b_b2\./);
    const spoilt = spoil(value);
    assert.notEqual(spoilt, value);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, spoilt]);
    await page.reload();
    await page.locator(READY).waitFor();
    assert.deepEqual(await notices(page), [NOTICE.reset]);
    await placeAndCheck(page);
    const saved = await page.evaluate((k) => localStorage.getItem(k), key);
    assert.match(saved, /^3_b_b2\./, 'the fresh attempt replaced the spoilt one');
    await page.reload();
    await page.locator(READY).waitFor();
    assert.deepEqual(await notices(page), [NOTICE.resumed], 'and resumes');
    await assertClean(page);
    await page.context().close();
  });
}

/** The quiz's attempt as versions `q1` and `q2` wrote it for the default set's 29 items: the
 * first item with its solution shown, the second current. */
const earlierQuiz = (version, hash) => `${version}.${hash}.1.1.-.1.0.${['s0--', ...Array(28).fill('o0--')].join(',')}`;

/** Reloads the page, expects the quiz shown on its second item and the attempt resumed, and
 * returns the string then stored under `key`. */
async function reloadResumedOnTheQuiz(page, key) {
  await page.reload();
  await page.locator(READY).waitFor();
  assert.equal(await page.getByRole('tab', { name: 'Quiz', exact: true }).getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('.quiz-item h3').innerText(), 'Fragment 2 van 29');
  assert.deepEqual(await notices(page), [NOTICE.resumed]);
  return page.evaluate((k) => localStorage.getItem(k), key);
}

test('the quiz and the tab as the previous version stored them (keys of their own, q1): resumed', async () => {
  const page = await openPage(env.browser, null);
  const { key } = await storedAttempt(page);
  const q1 = earlierQuiz('q1', key.split(':').at(-1));
  await page.evaluate(([k, quiz]) => {
    localStorage.removeItem(k);
    localStorage.setItem(`${k}:quiz`, quiz);
    localStorage.setItem(`${k}:mode`, 'quiz');
  }, [key, q1]);
  // Kept from now on in the one string of both modes and the tab.
  assert.match(await reloadResumedOnTheQuiz(page, key), /^3_q_b2\..*_q3\.[0-9a-f]{16}\.1\.1\.-\.1\.0\.s0--,28$/);
  await assertClean(page);
  await page.context().close();
});

test('the one string as the previous version stored it (2_, the board\'s 1., the quiz\'s q2.): resumed, then kept as this version\'s', async () => {
  const page = await openPage(env.browser, null);
  const { key } = await storedAttempt(page);
  const hash = key.split(':').at(-1);
  // Written as that version wrote it: the first card in its bin (a bin's index among the
  // categories and the fallback), the others on the pile, no check; the quiz tab chosen.
  const bins = [...set.categories, set.fallback].map((c) => c.id);
  const places = cards.map((c, i) => (i === 0 ? String(bins.indexOf(c.binId)) : '-')).join('');
  const earlier = `2_q_1.${hash}.1.0.${places}.${'-'.repeat(cards.length)}.${'0'.repeat(cards.length)}_${earlierQuiz('q2', hash)}`;
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, earlier]);
  const stored = await reloadResumedOnTheQuiz(page, key);
  assert.match(stored, /^3_q_b2\.[0-9a-f]{16}\.1\.0\.[1-9a-z]0+_q3\.[0-9a-f]{16}\.1\.1\.-\.1\.0\.s0--,28$/, 'kept as this version\'s string');
  assert.ok(stored.length < earlier.length / 2, `${stored.length} characters`);
  await page.getByRole('tab', { name: 'Sorteren', exact: true }).click();
  await bin(page, cards[0].bin).getByRole('button', { name: cards[0].name, exact: true }).waitFor();
  await assertClean(page);
  await page.context().close();
});

/** Overwrites the top-level document's wasm memory with 0xFF bytes: every pointer and length
 * the module reads next is out of range, so its next call traps. */
async function corruptModule(page) {
  const memories = await page.evaluate(() => {
    for (const memory of window.__wasmMemories) new Uint8Array(memory.buffer).fill(0xff);
    return window.__wasmMemories.length;
  });
  assert.equal(memories, 1, 'one module in the page');
}

/** Presses Enter on `target` (a card's grab button), which calls into the broken module and traps.
 * The keyboard, not the mouse: a mouse click first moves the pointer over the widget, that
 * pointermove already traps, the boards collapse into panels, and the press and release land on
 * whatever moved under the pointer (in the demo, a card of the iframe, which the tap then holds).
 * Playwright's `press`, which waits for the element, would wait in vain once it is replaced. */
async function pressBroken(page, target) {
  await target.focus();
  await page.keyboard.press('Enter');
}

const FAILED = 'De oefening is door een fout gestopt.';

/** Waits until `locator`'s box is the same in three samples 100 ms apart (at most 10 s). */
async function standsStill(locator) {
  let last = '';
  let same = 0;
  for (let i = 0; i < 100 && same < 2; i += 1) {
    const box = JSON.stringify(await locator.boundingBox());
    same = box === last ? same + 1 : 0;
    last = box;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(same, 2, `${locator} kept moving: ${last}`);
}

test('a wasm trap on the self-study page: a failure panel instead of a frozen board', async () => {
  const page = await openPage(env.browser, null);
  await page.addInitScript(keepWasmMemories);
  await page.goto(env.server.url);
  await page.locator(READY).waitFor();
  await corruptModule(page);
  await pressBroken(page, grab(page, cards[0]));
  const panel = page.locator('#app').getByRole('alert');
  await panel.waitFor({ timeout: 5_000 });
  assert.match(await panel.innerText(), new RegExp(FAILED));
  assert.equal(await page.locator('#app .board, #app .card').count(), 0, 'the dead board is gone');
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Dagboeken sorteren', 'the page around it stays');
  assert.deepEqual(page.errors, [], 'the trap is handled, not left uncaught');
  assert.deepEqual(await cspViolations(page), [], 'no CSP violation');
  await page.context().close();
});

test('a wasm trap in the elements of a host page: both show the panel, the iframe and the page go on', async () => {
  const page = await openPage(env.browser, null, { viewport: { width: 1280, height: 900 } });
  await page.addInitScript(keepWasmMemories);
  await page.goto(env.server.href('/www/demo.html'));
  await page.locator(`#first ${READY}`).waitFor();
  await page.locator(`#second ${READY}`).waitFor();
  const frame = page.frameLocator('iframe[data-diary-sort]');
  await frame.locator(READY).waitFor();

  await corruptModule(page);
  // The first element's card: its key handler runs in the (now broken) module.
  await pressBroken(page, page.locator('#first').getByRole('button', { name: cards[0].name, exact: true }));
  for (const [id, text] of [['#first', FAILED], ['#second', 'The exercise stopped because of an error.']]) {
    const panel = page.locator(id).getByRole('alert');
    await panel.waitFor({ timeout: 5_000 });
    assert.match(await panel.innerText(), new RegExp(text), id);
  }
  assert.deepEqual(page.errors, [], 'the trap is handled, not left uncaught');

  // The host page keeps working: its own text can be selected, and the iframe (a module of its
  // own) still sorts and checks. The two boards above it have just become short panels, so the
  // iframe moves up the page: tap once it stands still, as a person would.
  await standsStill(page.locator('iframe[data-diary-sort]'));
  await placeAndCheck(frame);

  // Removing a dead element does not call into the broken module.
  await page.evaluate(() => document.getElementById('first').remove());
  await page.waitForTimeout(100);
  assert.deepEqual(page.errors, [], 'removing a dead element throws nothing');
  assert.deepEqual(await cspViolations(page), [], 'no CSP violation');
  await page.context().close();
});
