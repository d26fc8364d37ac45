// 200 reloads in a row: a student plays the default set and the page is reloaded at a random
// point of the attempt, 200 times, in one browser tab (its localStorage kept, as a student's
// is). Sometimes right after an action, sometimes in the middle of one (a card picked up but not
// yet put down), sometimes after a pause; sometimes the tab is closed and a new one opened.
// After every reload the board must show exactly what it showed after the last completed
// action: every card where it was, the same cards right, wrong or revealed, the same checks
// left. A finished attempt is restarted (a new attempt is a completed action too).
//
// Seeded: RELOAD_SEED=n replays a run (the seed is printed). The test prints its duration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openPage, READY } from './harness.mjs';

const RELOADS = 200;
const seed = Number(process.env.RELOAD_SEED ?? Date.now() % 1_000_000);

/** mulberry32: a small seeded PRNG, so a failing run can be replayed. */
function prng(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Installed in every document of the tab (through the DevTools protocol, so the page's CSP
 * does not apply): window.__board and window.__act below, one round trip per action. */
function helpers() {
  window.__board = board;
  window.__act = act;

  /** What the board shows: each card's place and judgement, the checks left, whether finished. */
  function board() {
    const root = document.querySelector('.diary-sort');
    const cards = [...root.querySelectorAll('li.card')]
      .map((li) => {
        const state = ['right', 'wrong', 'revealed'].filter((c) => li.classList.contains(c)).join(' ');
        return `${li.dataset.card}@${li.closest('[data-bin]')?.dataset.bin ?? 'pile'}${state ? ` ${state}` : ''}`;
      })
      .sort();
    return { cards, tries: root.querySelector('.tries')?.textContent, finished: !!root.querySelector('.summary:not([hidden])') };
  }

  /**
   * One student action, done in the page with clicks on its controls (what a tap does):
   *   place: card `card` (an index among the movable ones) into bin `bin` (an index among the bins)
   *   check: press Check
   *   restart: the finished attempt's restart button
   *   hold: pick a card up and leave it held (an action cut off by the reload)
   * Returns false when the action does not apply to the board as it is.
   */
  function act({ kind, card, bin }) {
    const root = document.querySelector('.diary-sort');
    const buttons = [...root.querySelectorAll('button')];
    const movable = [...root.querySelectorAll('li.card:not(.right):not(.revealed) .grab')];
    if (kind === 'check') {
      const check = buttons.find((b) => b.textContent === 'Controleer');
      if (!check || root.querySelector('.pile li.card') || root.querySelector('.summary:not([hidden])')) return false;
      check.click();
      return true;
    }
    if (kind === 'restart') {
      const restart = buttons.find((b) => b.classList.contains('restart'));
      if (!restart || restart.closest('[hidden]')) return false;
      restart.click();
      return true;
    }
    if (!movable.length) return false;
    const grab = movable[card % movable.length];
    grab.click();
    if (kind === 'place') {
      const bins = [...root.querySelectorAll('.bin-button')];
      bins[bin % bins.length].click();
    }
    return true;
  }
}

const env = serverAndBrowser();

test(`${RELOADS} reloads at random points lose nothing done before the last completed action (seed ${seed})`, async () => {
  console.log(`# reload seed ${seed} (RELOAD_SEED=${seed} replays it)`);
  const clock = performance.now();
  const random = prng(seed);
  const pick = (n) => Math.floor(random() * n);
  const url = env.server.href('/www/index.html');
  let page = await openPage(env.browser, null);
  const context = page.context();
  await context.addInitScript(helpers);
  await page.goto(url);
  await page.locator(READY).waitFor();
  let expected = await page.evaluate(() => window.__board());
  let actions = 0;
  let finished = 0;
  for (let reload = 1; reload <= RELOADS; reload++) {
    // A few completed actions; a finished attempt is restarted.
    for (let n = pick(4); n > 0; n--) {
      const kind = expected.finished ? 'restart' : random() < 0.2 ? 'check' : 'place';
      const after = await page.evaluate((action) => (window.__act(action) ? window.__board() : null), {
        kind,
        card: pick(100),
        bin: pick(100),
      });
      if (!after) continue;
      actions += 1;
      finished += after.finished && !expected.finished ? 1 : 0;
      expected = after;
    }
    // Then the reload, at one of four points.
    const how = pick(4);
    if (how === 1) await page.evaluate((action) => window.__act(action), { kind: 'hold', card: pick(100) });
    if (how === 2) await page.waitForTimeout(pick(50));
    if (how === 3) {
      await page.close();
      page = await context.newPage();
      await page.goto(url, { waitUntil: 'commit' });
    } else {
      await page.reload({ waitUntil: 'commit' });
    }
    await page.locator(READY).waitFor();
    const shown = await page.evaluate(() => window.__board());
    assert.deepEqual(shown, expected, `after reload ${reload} (seed ${seed}, ${['at once', 'holding a card', 'after a pause', 'in a new tab'][how]})`);
  }
  const seconds = (performance.now() - clock) / 1000;
  console.log(`# ${RELOADS} reloads, ${actions} actions, ${finished} attempts finished: ${seconds.toFixed(1)} s`);
  assert.ok(actions > RELOADS, 'the attempt moved between reloads');
  await context.close();
});
