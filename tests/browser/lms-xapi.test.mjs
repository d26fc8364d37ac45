// End-to-end: xAPI by postMessage. A host page (fixtures/xapi-parent.*) launches the packaged
// course.html in an iframe with ?parent= (its own origin), an actor, a registration and an
// activity id, and keeps the statements the course posts to it. Every statement validates under
// Learning Locker's validator with no error and no warning; answered statements carry the matching
// response as `excerpt[.]bin` and the correct response pattern; completed and passed come once per
// registration, even after a relaunch and a second attempt; the quiz's two answered shapes
// (a choice question; an excerpt with certainty and ticked criteria) become choice and matching
// statements with the criteria and certainty under the class report's extension IRIs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, READY } from './harness.mjs';
import { readSet, grab, binButton, placeByTap } from './board.mjs';
import { servePackage, waitUntil } from './lms.mjs';
import { assertValidStatements } from './xapi-check.mjs';

const { cards } = readSet('snijders-nl.json');
const env = {};
const actor = { objectType: 'Agent', name: 'Student', mbox: 'mailto:student@example.org' };
const registration = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';
const activity = 'https://example.org/courses/diaries/sorting';
const CRITERIA = 'https://w3id.org/xapi/diary-sort/extensions/criteria';
const CERTAINTY = 'https://w3id.org/xapi/diary-sort/extensions/certainty';

before(async () => {
  env.browser = await launchBrowser();
  env.served = await servePackage('scorm12');
});
after(async () => {
  await env.browser?.close();
  await env.served?.server.stop();
});

/** Opens the host page in `context` (or a fresh one); resolves when the course is ready. */
async function openHost(context = null) {
  const launch = new URLSearchParams({ parent: '/', actor: JSON.stringify(actor), registration, activity_id: activity });
  const page = context ? await context.newPage() : await openPage(env.browser, null, { viewport: { width: 1280, height: 1000 } });
  page.errors ??= [];
  await page.goto(env.served.server.href(`/www/xapi-parent.html?launch=${encodeURIComponent(launch)}`));
  const frame = page.frameLocator('#course');
  await frame.locator(READY).waitFor();
  return { page, frame };
}

const statementsOf = (page) => page.evaluate(() => window.__statements);
const verbs = (statements) => statements.map((s) => s.verb.id.split('/').at(-1));

const waitForStatements = (page, n) => waitUntil(() => statementsOf(page), (list) => list.length >= n, `${n} statements`);

test('postMessage: answered, completed and passed validate, once per registration', async () => {
  const { page, frame } = await openHost();
  const [wrong, ...rest] = cards;
  const elsewhere = cards.find((c) => c.bin !== wrong.bin);
  await grab(frame, wrong).click();
  await binButton(frame, elsewhere.bin).click();
  await placeByTap(frame, rest);
  await frame.getByRole('button', { name: 'Controleer', exact: true }).click();
  await placeByTap(frame, [wrong]);
  await frame.getByRole('button', { name: 'Controleer', exact: true }).click();
  const statements = await waitForStatements(page, cards.length + 3);
  assertValidStatements(statements);
  assert.deepEqual(verbs(statements), [...Array(cards.length + 1).fill('answered'), 'completed', 'passed']);
  for (const s of statements) {
    assert.deepEqual(s.actor, actor);
    assert.equal(s.context.registration, registration);
  }
  const first = statements.find((s) => s.object.id === `${activity}/excerpts/${wrong.id}`);
  assert.equal(first.object.definition.interactionType, 'matching');
  assert.equal(first.result.response, `${wrong.id}[.]${elsewhere.binId}`);
  assert.equal(first.result.success, false);
  assert.deepEqual(first.object.definition.correctResponsesPattern, [`${wrong.id}[.]${wrong.binId}`]);
  assert.deepEqual(first.object.definition.source, [{ id: wrong.id }]);
  assert.ok(first.object.definition.target.some((t) => t.id === elsewhere.binId));
  assert.equal(first.result.extensions, undefined, 'the sorting exercise ticks no criteria');
  const passed = statements.at(-1);
  assert.equal(passed.object.id, activity);
  assert.deepEqual(passed.result.score, { scaled: 0.98, raw: 98, min: 0, max: 100 });
  assert.equal(passed.result.success, true);
  assert.match(passed.result.duration, /^PT\d+H\d+M\d+(\.\d+)?S$/);

  // Relaunched in the same browser, then a new attempt finished again: no second completed or passed.
  const again = await openHost(page.context());
  await again.frame.getByRole('button', { name: 'Opnieuw beginnen', exact: true }).click();
  await again.frame.locator(READY).waitFor();
  await placeByTap(again.frame, cards);
  await again.frame.getByRole('button', { name: 'Controleer', exact: true }).click();
  const second = await waitForStatements(again.page, cards.length);
  await again.page.waitForTimeout(300);
  assert.deepEqual(verbs(await statementsOf(again.page)), Array(cards.length).fill('answered'));
  assertValidStatements(second);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(again.page.errors, []);
  await page.context().close();
});

test('quiz shapes: a choice question and an excerpt with certainty and criteria', async () => {
  const { page, frame } = await openHost();
  await frame.locator('diary-sort').evaluate((element) => {
    const fire = (detail) => element.dispatchEvent(new CustomEvent('answered', { bubbles: true, detail }));
    fire({ question: 'concept-atomisation', options: ['a', 'c'], expected: ['a', 'c'], correct: true, check: 1 });
    fire({ excerpt: 'fn12', bin: 'atomisatie', expected: 'eenzaamheid', correct: false, check: 1, certainty: 'high', criteria: ['loneliness', 'ties_given_up'] });
  });
  const [choice, matching] = await waitForStatements(page, 2);
  assertValidStatements([choice, matching]);
  assert.equal(choice.object.id, `${activity}/questions/concept-atomisation`);
  assert.equal(choice.object.definition.interactionType, 'choice');
  assert.equal(choice.result.response, 'a[,]c');
  assert.deepEqual(choice.object.definition.correctResponsesPattern, ['a[,]c']);
  assert.equal(matching.result.response, 'fn12[.]atomisatie');
  assert.deepEqual(matching.result.extensions, { [CRITERIA]: ['loneliness', 'ties_given_up'], [CERTAINTY]: 'high' });
  await page.context().close();
});
