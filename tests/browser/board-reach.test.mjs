// End-to-end: everything on the board within reach, at 360×800 (a phone) and 1280×800 (a laptop),
// in the default Dutch set. A held card offers every bin in the bar without scrolling; placed
// cards show their titles, bins never scroll on their own and keep their heading and count in
// view; the first screen shows the task and the first card; a check leads to its result, whose
// links lead to the wrong cards, and the check button waits until something moved; the keyboard
// goes from card to card, announces the target bin and drops with the digits. axe finds nothing
// in any of these states. Controls are found by role and accessible name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openPage, axeViolations, formatAxe } from './harness.mjs';
import {
  readSet,
  grab,
  bin,
  binButton,
  status,
  tray,
  trayButton,
  binOrder,
  scrollToReach,
  sortByTapMeasuringReach,
  sortByKeyboard,
  assertCleanPage,
} from './board.mjs';

const { set, cards } = readSet('snijders-nl.json');
const order = binOrder(set);
const env = serverAndBrowser();
const SIZES = [
  { width: 360, height: 800 },
  { width: 1280, height: 800 },
];
const check = (page) => page.getByRole('button', { name: 'Controleer', exact: true });

async function noAxe(page, state) {
  // Judged at the page's top, then put back where it was: scrolled, any target passing under a
  // bin's sticky heading is partly covered, and axe's target-size rule then finds it too small at
  // that one position (a "Tekst" summary half under "eenzaamheid"), wherever focus happened to
  // leave the page.
  const y = await page.evaluate(() => scrollY);
  await page.evaluate(() => scrollTo(0, 0));
  const found = await axeViolations(page);
  await page.evaluate((y) => scrollTo(0, y), y);
  assert.deepEqual(found, [], `axe, ${state}:\n${formatAxe(found)}`);
}

/** The cards on the pile, in its order. */
async function pileCards(page) {
  const names = await page.locator('.pile li.card .grab').allTextContents();
  return names.map((n) => cards.find((c) => c.name === n.trim()));
}

for (const viewport of SIZES) {
  const size = `${viewport.width}×${viewport.height}`;

  test(`${size}: the first screen shows the title, the task and the first card; the introduction folds open`, async () => {
    const page = await openPage(env.browser, env.server.url, { viewport });
    const [first] = await pileCards(page);
    const seen = [
      page.getByRole('heading', { name: set.title }),
      page.getByText('Zet elk fragment in de bak waar het volgens het essay hoort: tik erop en kies een bak'),
      grab(page, first),
    ];
    for (const what of seen) assert.equal(await scrollToReach(what), 0, `${await what.textContent()} on the first screen`);
    // The first card's text begins above the bar.
    const text = await page.locator('.pile li.card').first().locator('blockquote p, .description').first().boundingBox();
    const bar = await page.locator('.bar').boundingBox();
    assert.ok(text.y + 48 <= bar.y, `the first card's text (${JSON.stringify(text)}) starts above the bar (${JSON.stringify(bar)})`);
    const intro = page.getByText(set.intro.split(/\s+/).slice(0, 6).join(' '));
    assert.equal(await intro.isVisible(), false, 'the introduction starts folded');
    await page.getByText('Inleiding', { exact: true }).click();
    await intro.waitFor();
    await noAxe(page, 'introduction open');
    await page.context().close();
  });

  test(`${size}: a held card (tap or keyboard) offers every bin without scrolling`, async () => {
    const page = await openPage(env.browser, env.server.url, { viewport });
    assert.equal(await tray(page).count(), 0, 'no bins in the bar before a card is held');
    const [first, second] = await pileCards(page);
    await grab(page, first).click();
    for (const [k, label] of order.entries()) {
      assert.equal(await scrollToReach(trayButton(page, label, k + 1)), 0, `${label} tappable in the bar`);
    }
    await noAxe(page, 'a card held');
    await trayButton(page, first.bin, order.indexOf(first.bin) + 1).click();
    await bin(page, first.bin).getByRole('button', { name: first.name, exact: true }).waitFor();
    assert.equal(await tray(page).count(), 0, 'the bar lets go of the bins after the drop');
    // The next card is focused and on the screen.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), second.name);
    assert.equal(await scrollToReach(grab(page, second)), 0, 'the next card on the screen');
    // The keyboard: the same bar, the target marked.
    await grab(page, second).focus();
    await page.keyboard.press('Space');
    for (const [k, label] of order.entries()) assert.equal(await scrollToReach(trayButton(page, label, k + 1)), 0);
    // Annuleren puts the card down and focus back on it.
    await tray(page).getByRole('button', { name: 'Annuleren', exact: true }).click();
    assert.equal(await grab(page, second).getAttribute('aria-pressed'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), second.name);
    // The instructions name the one-tap ways.
    await page.getByText('Hoe werkt het?').click();
    const how = await page.locator('.how .instructions').innerText();
    assert.match(how, /‘Verplaats naar…’/);
    assert.match(how, /druk meteen op 1 tot 4 voor bak 1 tot 4/);
    await assertCleanPage(page);
    await page.context().close();
  });

  test(`${size}: placed cards show their titles; bins never scroll on their own and keep heading and count in view`, async () => {
    const page = await openPage(env.browser, env.server.url, { viewport });
    // Every card into one bin: the longest a bin can get.
    const label = order[0];
    for (const card of cards) {
      await grab(page, card).click();
      await trayButton(page, label, 1).click();
    }
    const region = bin(page, label);
    await region.getByRole('button', { name: cards.at(-1).name, exact: true }).waitFor();
    await noAxe(page, 'every card placed');
    const box = await region.evaluate((el) => ({ scroll: el.scrollHeight - el.clientHeight, overflow: getComputedStyle(el).overflowY }));
    assert.deepEqual(box, { scroll: 0, overflow: 'visible' }, 'the bin is not a scroll area');
    const columnScrolls = await page.locator('.bins').evaluate((el) => el.scrollHeight > el.clientHeight || getComputedStyle(el).overflowY !== 'visible');
    assert.equal(columnScrolls, false, 'the bins column is not a scroll area');
    // Titles only: 16 cards take little room, each text one tap away.
    const item = region.getByRole('listitem').filter({ has: grab(page, cards[0]) });
    const quote = item.locator('blockquote p, .description').first();
    assert.equal(await quote.isVisible(), false, 'a placed card shows its title only');
    await item.getByRole('button', { name: 'Tekst', exact: true }).click();
    await quote.waitFor();
    assert.equal(await region.getByText(`${cards.length} geplaatst`, { exact: true }).count(), 1, 'the count beside the name');
    // Scrolled to the bin's middle, its name and count are still on the screen.
    await region.getByRole('button', { name: cards[8].name, exact: true }).scrollIntoViewIfNeeded();
    await page.evaluate(() => scrollBy(0, 60));
    for (const what of [binButton(page, label), region.getByText(`${cards.length} geplaatst`)]) {
      const r = await what.boundingBox();
      assert.ok(r.y >= 0 && r.y + r.height <= viewport.height, `${await what.textContent()} in view: ${JSON.stringify(r)}`);
    }
    await page.context().close();
  });

  test(`${size}: a check leads to its result, links to the wrong cards, and waits for a move`, async () => {
    const page = await openPage(env.browser, env.server.url, { viewport });
    const wrong = cards.slice(0, 3);
    const elsewhere = (c) => order.find((l) => l !== c.bin);
    for (const card of cards) {
      const label = wrong.includes(card) ? elsewhere(card) : card.bin;
      await grab(page, card).click();
      await trayButton(page, label, order.indexOf(label) + 1).click();
    }
    await check(page).click();
    const result = page.getByRole('region', { name: `Controle 1 van 3: ${cards.length - 3} van ${cards.length} goed.` });
    await result.waitFor();
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    assert.equal(focused, `Controle 1 van 3: ${cards.length - 3} van ${cards.length} goed.`, 'focus on the result');
    const links = await result.getByRole('link').allTextContents();
    assert.deepEqual(links.sort(), wrong.map((c) => c.name).sort(), 'the result names the wrong cards');
    await noAxe(page, 'after a check');
    // A right card: one line of verdict; a wrong one: its feedback in full.
    const right = cards[5];
    const rightItem = bin(page, right.bin).getByRole('listitem').filter({ has: grab(page, right) });
    assert.match(await rightItem.getByRole('button', { name: /^Goed\./ }).innerText(), /^Goed\.\s*Waarom\?$/);
    assert.equal(await rightItem.getByText('Daarom hoort het in').isVisible(), false, 'the reasons fold away');
    const height = (await rightItem.boundingBox()).height;
    assert.ok(height < 200, `a right card is short (${height} px)`);
    const w = wrong[0];
    const wrongItem = bin(page, elsewhere(w)).getByRole('listitem').filter({ has: grab(page, w) });
    assert.match(await wrongItem.locator('.feedback').innerText(), /Nog niet goed/);
    // Each link takes focus to its card.
    await result.getByRole('link', { name: w.name, exact: true }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), w.name);
    assert.equal(await scrollToReach(grab(page, w)), 0, 'the card is on the screen');
    // Controleer waits and says why; pressed anyway, it spends nothing.
    assert.equal(await check(page).getAttribute('aria-disabled'), 'true');
    const why = await check(page).evaluate((b) => document.getElementById(b.getAttribute('aria-describedby')).textContent);
    assert.match(why, /Verplaats eerst een fragment/);
    await check(page).focus();
    await page.keyboard.press('Enter');
    assert.match(await status(page).innerText(), /Er is niets veranderd sinds de vorige controle/);
    assert.match(await page.getByText(/controles over/).innerText(), /Nog 2 van 3/);
    await noAxe(page, 'the check waiting');
    // A move wakes it up.
    await grab(page, w).click();
    await trayButton(page, w.bin, order.indexOf(w.bin) + 1).click();
    assert.equal(await check(page).getAttribute('aria-disabled'), null);
    await assertCleanPage(page);
    await page.context().close();
  });

  test(`${size}: the keyboard goes card to card, announces the target, drops with the digits`, async () => {
    const page = await openPage(env.browser, env.server.url, { viewport });
    const [first, second] = await pileCards(page);
    await grab(page, first).focus();
    await page.keyboard.press('Space');
    assert.match(await status(page).innerText(), new RegExp(`Doel: ${order[0]}\\.`));
    for (const k of [1, 2, 3, 0]) {
      await page.keyboard.press('ArrowRight');
      assert.equal(await status(page).innerText(), `Doel: ${order[k]}.`);
    }
    await page.keyboard.press('3');
    await bin(page, order[2]).getByRole('button', { name: first.name, exact: true }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), second.name, 'focus on the next card');
    await noAxe(page, 'after a keyboard drop');
    await page.context().close();
  });

  test(`${size}: the whole board right by keyboard in at most 75 presses`, async () => {
    const page = await openPage(env.browser, env.server.url, { viewport });
    const presses = await sortByKeyboard(page, set, cards, { digits: false });
    assert.ok(presses <= 75, `${presses} key presses`);
    await page.getByRole('heading', { name: 'Resultaat' }).waitFor();
    assert.match(await page.locator('.summary').innerText(), /Score: 100%/);
    await page.context().close();
  });
}

test('360×800: sorting by tap never needs a scroll to reach a bin, and the page stays short', async () => {
  const page = await openPage(env.browser, env.server.url, { viewport: SIZES[0] });
  const height = () => page.evaluate(() => document.documentElement.scrollHeight);
  const fresh = await height();
  assert.ok(fresh <= 10_547 / 2, `fresh board ${fresh} px`);
  assert.equal(await sortByTapMeasuringReach(page, set, cards), 0);
  await check(page).click();
  await page.getByRole('heading', { name: 'Resultaat' }).waitFor();
  const checked = await height();
  assert.ok(checked <= 21_411 / 2, `after the check ${checked} px`);
  await page.context().close();
});

for (const viewport of SIZES) {
  test(`demo page at ${viewport.width}×${viewport.height}: the bar leaves the tabs free; a dragged card stays on the screen`, async () => {
    const page = await openPage(env.browser, env.server.href('/www/demo.html'), { viewport });
    const first = page.locator('diary-sort#first');
    const tabs = await first.getByRole('tablist').boundingBox();
    const bar = await first.locator('.bar').first().boundingBox();
    assert.ok(bar.y >= tabs.y + tabs.height, `the bar (${JSON.stringify(bar)}) below the tabs (${JSON.stringify(tabs)})`);
    const card = first.locator('.pile li.card .grab').first();
    await card.scrollIntoViewIfNeeded();
    const from = await card.boundingBox();
    await page.mouse.move(from.x + 20, from.y + from.height / 2);
    await page.mouse.down();
    for (const [x, y] of [
      [viewport.width - 1, from.y + 40],
      [viewport.width - 1, viewport.height - 1],
      [1, 1],
    ]) {
      await page.mouse.move(x, y, { steps: 8 });
      const r = await card.boundingBox();
      assert.ok(
        r.x >= 0 && r.y >= 0 && r.x + r.width <= viewport.width && r.y + r.height <= viewport.height,
        `dragged to ${x},${y}: the card at ${JSON.stringify(r)}`,
      );
    }
    await page.mouse.up();
    await assertCleanPage(page);
    await page.context().close();
  });
}
