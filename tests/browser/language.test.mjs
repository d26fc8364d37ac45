// End-to-end: which language the exercise speaks, and a set's own wording. The page's ?lang= or the
// element's lang attribute wins over the set's `lang`, which wins over the browser's languages
// (Chromium's `locale`); those speak when there is no set to read (it cannot be fetched, or is not
// JSON), and the page's own <html lang> only after them, the problems of a set that cannot be
// loaded included. A set's `strings` override is what the page shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serverAndBrowser, openPage, axeViolations, formatAxe, READY } from './harness.mjs';
import { assertCleanPage } from './board.mjs';

const env = serverAndBrowser();

// The mini set (English) with its own wording of the Check button in English and in Dutch.
const mini = JSON.parse(readFileSync(new URL('../fixtures/mini.json', import.meta.url), 'utf8'));
const WORDED = JSON.stringify({ ...mini, strings: { en: { check: 'Submit answers' }, nl: { check: 'Inleveren' } } });

/** A page in a context with `locale`, with sets/worded.json and sets/broken.json served from here. */
async function open(url, locale, ready = READY) {
  const page = await openPage(env.browser, null, { locale });
  await page.route('**/www/sets/worded.json', (route) => route.fulfill({ contentType: 'application/json', body: WORDED }));
  await page.route('**/www/sets/broken.json', (route) => route.fulfill({ contentType: 'application/json', body: '{ not json' }));
  await page.goto(env.server.href(url), { waitUntil: 'load' });
  if (ready) await page.locator(ready).first().waitFor();
  return page;
}

const button = (page, name) => page.getByRole('button', { name, exact: true });
const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

test("a set's English wording of the Check button is the button's label", async () => {
  const page = await open('/www/index.html?set=sets/worded.json', 'en-US');
  assert.equal(await button(page, 'Submit answers').count(), 1);
  assert.equal(await button(page, 'Check').count(), 0, 'the built-in label is gone');
  assert.equal(await page.getByRole('heading', { name: 'Excerpts', exact: true }).count(), 1, 'a text the set does not word stays built in');
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], formatAxe(violations));
  await assertCleanPage(page);
  await page.context().close();

  // In a Dutch interface around the same set, its Dutch wording.
  const dutch = await open('/www/index.html?set=sets/worded.json&lang=nl', 'en-US');
  assert.equal(await button(dutch, 'Inleveren').count(), 1);
  await dutch.context().close();
});

test("the set's language wins over the browser's; ?lang= wins over the set's", async () => {
  const page = await open('/www/index.html', 'en-US');
  assert.equal(await button(page, 'Controleer').count(), 1, 'the Dutch set in an English browser speaks Dutch');
  assert.equal(await htmlLang(page), 'nl');
  await page.context().close();

  const english = await open('/www/index.html?set=sets/snijders-en.json', 'nl-NL');
  assert.equal(await button(english, 'Check').count(), 1, 'the English set in a Dutch browser speaks English');
  await english.context().close();

  const asked = await open('/www/index.html?set=sets/snijders-en.json&lang=nl', 'en-US');
  assert.equal(await button(asked, 'Controleer').count(), 1, '?lang=nl around the English set');
  assert.equal(await htmlLang(asked), 'nl');
  await asked.context().close();
});

test("without a set to read, the browser's language speaks, then the page's", async () => {
  // The self-study page: a set that cannot be fetched.
  for (const [locale, lang, sentence] of [
    ['en-GB', 'en', 'The exercise set could not be fetched'],
    ['nl-BE', 'nl', 'De oefenset kon niet worden opgehaald'],
    ['de-DE', 'nl', 'De oefenset kon niet worden opgehaald'],
  ]) {
    const page = await open('/www/index.html?set=sets/missing.json', locale, '.page-error');
    assert.match(await page.locator('.page-error').innerText(), new RegExp(`^${sentence}`), locale);
    assert.equal(await htmlLang(page), lang, `${locale}: the page's language`);
    await page.context().close();
  }

  // The element (in embed.html, whose <html lang> is nl): not fetched, not JSON; and lang= wins.
  for (const [query, locale, lead] of [
    ['set=sets/missing.json', 'en-US', 'This exercise set could not be fetched:'],
    ['set=sets/missing.json', 'de-DE', 'Deze oefenset kon niet worden opgehaald:'],
    ['set=sets/missing.json&lang=nl', 'en-US', 'Deze oefenset kon niet worden opgehaald:'],
    ['set=sets/broken.json', 'en-US', "This exercise set cannot be loaded. The set’s author needs to fix this:"],
    ['set=sets/broken.json', 'nl-NL', 'Deze oefenset kan niet worden geladen. Dit moet de maker van de set verbeteren:'],
  ]) {
    const page = await open(`/www/embed.html?${query}`, locale);
    const alert = page.getByRole('alert');
    assert.equal((await alert.locator('p').first().innerText()).trim(), lead, `${query} in ${locale}`);
    if (query === 'set=sets/broken.json') {
      // The set's problem is in the panel's language too.
      const problem = {
        'en-US': '1:3: this is not valid JSON: expected a field name in double quotes, found `not`; is it text without double quotes around it?',
        'nl-NL':
          '1:3: dit is geen geldige JSON: hier hoort een veldnaam tussen dubbele aanhalingstekens, maar er staat `not`; ' +
          'is dit tekst zonder dubbele aanhalingstekens eromheen?',
      }[locale];
      assert.deepEqual(await alert.getByRole('listitem').allInnerTexts(), [problem], `${query} in ${locale}`);
    }
    await page.context().close();
  }
});
