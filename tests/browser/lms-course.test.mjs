// End-to-end: the SCORM 1.2 and 2004 packages in a Moodle-like LMS (scorm-lms.mjs): the package
// unzipped under /pluginfile.php/ID/mod_scorm/content/1/, the SCO in an iframe of the LMS's
// player page at the launch address of its manifest, scorm-again 3.4.3 as the API, every commit
// posted to the LMS, which keeps it per learner and attempt and starts every launch from that
// alone. Each launch is a fresh browser context (no localStorage) unless the test is about a
// shared one. Checked: both modes and the tab resume from the LMS's data, with Commits while the
// student works (not only at unload); two learners on one browser never see each other's
// attempt; a new attempt after a finished one is new and completes again; with both APIs on the
// page each package talks to its own; a value the LMS refuses is said and sent again; an
// Initialize refused after a reload of the frame is said.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, READY } from './harness.mjs';
import { readSet, binButton, grab, placeByTap } from './board.mjs';
import { waitUntil } from './lms.mjs';
import { startLms } from './scorm-lms.mjs';

const { set, cards } = readSet('snijders-nl.json');
const items = set.excerpts.length + set.questions.length;
const env = {};
/** The packages' ids in the LMS, by version. */
const ID = { '1.2': 42, 2004: 43 };
const API_NAME = { '1.2': 'API', 2004: 'API_1484_11' };
const RESUMED = 'Je vorige poging is hersteld.';

before(async () => {
  env.browser = await launchBrowser();
  env.lms = await startLms();
});
after(async () => {
  await env.browser?.close();
  await env.lms?.stop();
});

/** Launches `learner`'s attempt of the `version` package in `context` (default: a fresh one). */
async function launch(version, learner, { context = null, both = false, refuse = null } = {}) {
  const ctx = context ?? (await env.browser.newContext({ viewport: { width: 1280, height: 1000 } }));
  const page = await ctx.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(String(err?.stack || err)));
  let url = env.lms.player(ID[version], learner, { both });
  if (refuse) url += `&refuse=${encodeURIComponent(refuse)}`;
  await page.goto(url);
  const frame = page.frameLocator('#sco');
  await frame.locator(READY).waitFor();
  return { page, frame, context: ctx };
}

/** The student leaves: the LMS's player unloads the SCO (Finish/Terminate), as on closing it. */
async function leave(page, version) {
  await page.evaluate(() => (document.getElementById('sco').src = 'about:blank'));
  const finish = version === '1.2' ? 'LMSFinish' : 'Terminate';
  await waitUntil(() => calls(page), (list) => list.some((c) => c.method === finish), `a ${finish}`);
}

const calls = (page) => page.evaluate(() => window.__calls);
/** The LMS's record of `learner`'s latest attempt: {number, cmi, commits}. */
const latest = (version, learner) => env.lms.record(ID[version], learner).at(-1);
const suspendData = (version, learner) => latest(version, learner)?.cmi?.suspend_data ?? '';
const tab = (frame, name) => frame.getByRole('tab', { name, exact: true });
const button = (frame, name) => frame.getByRole('button', { name, exact: true });
const quizHeading = (frame) => frame.locator('.quiz-item h3').innerText();
/**
 * How many cards a suspend data has in a bin before the first check (its board part's cards,
 * `3_TAB_b2.HASH.SEED.CHECKS.CARDS_…`: one digit a card for the default set, `0` on the pile).
 */
const placedIn = (suspend) => [...(suspend.split('_')[2]?.split('.')[4] ?? '')].filter((c) => c !== '0').length;

/** Shows the solution of the next `n` quiz items (the quickest way through them). */
async function passItems(frame, n) {
  for (let k = 0; k < n; k += 1) {
    await button(frame, 'Oplossing tonen (0 punten)').click();
    await button(frame, 'Volgende').click();
  }
}

for (const version of ['1.2', '2004']) {
  test(`SCORM ${version}: the board, the quiz and the tab resume from the LMS's data alone`, async () => {
    const learner = `alice-${version}`;
    const first = await launch(version, learner);
    await placeByTap(first.frame, cards);
    await tab(first.frame, 'Quiz').click();
    await passItems(first.frame, 3);
    const heading = await quizHeading(first.frame);
    assert.equal(heading, `Fragment 4 van ${items}`);
    await leave(first.page, version);
    const [init, commit, finish] = version === '1.2' ? ['LMSInitialize', 'LMSCommit', 'LMSFinish'] : ['Initialize', 'Commit', 'Terminate'];
    const made = (await calls(first.page)).map((c) => [c.method, c.answer]);
    assert.deepEqual(made[0], [init, 'true']);
    assert.ok(made.some(([method, answer]) => method === commit && answer === 'true'), 'Commits answered true');
    assert.deepEqual(made.at(-1), [finish, 'true']);
    const stored = await waitUntil(() => suspendData(version, learner), (s) => s !== '', 'the suspend data in the LMS');
    assert.ok(stored.length < 4096, `${stored.length} characters`);
    await first.context.close();

    // A new browser: only the LMS's data.
    const second = await launch(version, learner);
    assert.equal(await tab(second.frame, 'Quiz').getAttribute('aria-selected'), 'true', 'the tab the student was on');
    assert.equal(await quizHeading(second.frame), heading, 'the quiz where the student left it');
    await second.frame.locator('.notice:visible').getByText(RESUMED).first().waitFor();
    await tab(second.frame, 'Sorteren').click();
    assert.equal(await second.frame.locator('.pile .card').count(), 0, 'every card still placed');
    for (const card of cards.slice(0, 3)) {
      await second.frame.getByRole('region', { name: card.bin, exact: true }).getByRole('button', { name: card.name, exact: true }).waitFor();
    }
    assert.deepEqual([...first.page.errors, ...second.page.errors], []);
    await second.context.close();
  });
}

test('two learners on one browser: the second starts fresh, and neither attempt reaches the other', async () => {
  const version = '1.2';
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const alice = await launch(version, 'alice-shared', { context });
  await placeByTap(alice.frame, cards.slice(0, 3));
  await leave(alice.page, version);
  await alice.page.close();
  await waitUntil(() => suspendData(version, 'alice-shared'), (s) => s !== '', 'Alice\'s suspend data in the LMS');

  // Bob, on the same computer: entry ab-initio, no suspend data.
  const bob = await launch(version, 'bob-shared', { context });
  assert.equal(await bob.frame.getByText(RESUMED).count(), 0, 'nothing resumed for Bob');
  assert.equal(await bob.frame.locator('.pile .card').count(), cards.length, 'every card on the pile');
  await placeByTap(bob.frame, cards.slice(3, 4));
  await leave(bob.page, version);
  await bob.page.close();
  assert.equal(placedIn(suspendData(version, 'bob-shared')), 1, 'Bob\'s one card, not Alice\'s three');
  assert.equal(latest(version, 'bob-shared').cmi.core.lesson_status, 'incomplete');

  // Alice again, still on that computer: her own attempt, from the LMS.
  const again = await launch(version, 'alice-shared', { context });
  for (const card of cards.slice(0, 3)) {
    await again.frame.getByRole('region', { name: card.bin, exact: true }).getByRole('button', { name: card.name, exact: true }).waitFor();
  }
  assert.equal(await again.frame.locator('.pile .card').count(), cards.length - 3, 'not Bob\'s card');
  await context.close();
});

for (const version of ['1.2', '2004']) {
  test(`SCORM ${version}: a new attempt after a finished one starts afresh and completes again`, async () => {
    const learner = `carol-${version}`;
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const finish = async () => {
      const run = await launch(version, learner, { context });
      assert.equal(await run.frame.getByRole('heading', { name: 'Resultaat' }).count(), 0, 'not the old result');
      assert.equal(await run.frame.locator('.pile .card').count(), cards.length);
      await placeByTap(run.frame, cards);
      await button(run.frame, 'Controleer').click();
      await run.frame.getByRole('heading', { name: 'Resultaat' }).waitFor();
      await leave(run.page, version);
      await run.page.close();
    };
    await finish();
    // 1.2: the LMS starts a new attempt when told to (Moodle's "force new attempt"); 2004 does
    // so itself after the exit "normal".
    if (version === '1.2') env.lms.newAttempt(ID[version], learner);
    // The same browser, which holds the finished attempt: the new one is new.
    await finish();
    const attempts = env.lms.record(ID[version], learner);
    assert.equal(attempts.length, 2);
    for (const { cmi } of attempts) {
      if (version === '1.2') assert.deepEqual([cmi.core.lesson_status, cmi.core.score.raw], ['passed', '100']);
      else assert.deepEqual([cmi.completion_status, cmi.success_status, cmi.score.raw], ['completed', 'passed', '100']);
    }
    await context.close();
  });
}

for (const version of ['1.2', '2004']) {
  test(`SCORM ${version}: with both APIs on the page the package talks to its own`, async () => {
    const run = await launch(version, `dave-${version}`, { both: true });
    await placeByTap(run.frame, cards.slice(0, 1));
    await waitUntil(() => latest(version, `dave-${version}`).commits, (n) => n > 0, 'a Commit');
    const list = await calls(run.page);
    assert.ok(list.length > 3);
    assert.deepEqual([...new Set(list.map((c) => c.api))], [API_NAME[version]], 'every call to its own API');
    await run.context.close();
  });
}

test('a suspend data and a status the LMS refuses: the student is told, and they are sent again', async () => {
  const version = '1.2';
  const learner = 'erin';
  const run = await launch(version, learner, { refuse: '2,cmi.suspend_data,cmi.core.lesson_status' });
  const status = run.frame.locator('#lms-status');
  await status.getByText('nam je voortgang of score nu niet aan').waitFor();
  await status.getByText('Je voortgang is opgeslagen').waitFor({ timeout: 15_000 });
  await placeByTap(run.frame, cards);
  await button(run.frame, 'Controleer').click();
  const cmi = await waitUntil(() => latest(version, learner).cmi, (c) => c?.core?.lesson_status === 'passed', 'passed in the LMS');
  assert.match(cmi.suspend_data, /^3_b_b2\./);
  const refused = (await calls(run.page)).filter((c) => c.answer === 'false').map((c) => c.args[0]);
  assert.deepEqual(refused.sort(), ['cmi.core.lesson_status', 'cmi.core.lesson_status', 'cmi.suspend_data', 'cmi.suspend_data']);
  assert.deepEqual(run.page.errors, []);
  await run.context.close();
});

test('an Initialize refused after a reload of the frame: the student is told, and the attempt goes on in this tab', async () => {
  const version = '1.2';
  const run = await launch(version, 'frank');
  await placeByTap(run.frame, cards.slice(0, 2));
  const course = run.page.frames().find((f) => f.url().includes('/pluginfile.php/'));
  await course.evaluate(() => window.location.reload());
  await run.frame.locator(READY).waitFor();
  await run.frame.locator('#lms-status').getByText('heeft deze sessie niet gestart').waitFor();
  for (const card of cards.slice(0, 2)) {
    await run.frame.getByRole('region', { name: card.bin, exact: true }).getByRole('button', { name: card.name, exact: true }).waitFor();
  }
  const inits = (await calls(run.page)).filter((c) => c.method === 'LMSInitialize').map((c) => c.answer);
  assert.deepEqual(inits, ['true', 'false'], 'scorm-again refuses a second LMSInitialize');
  await run.context.close();
});

test('a card moved by tap reaches the LMS without a check or an unload', async () => {
  // The Commit after changes (throttled), seen from the LMS's side: its record changes.
  const version = '2004';
  const learner = 'gina';
  const run = await launch(version, learner);
  const commits = latest(version, learner).commits;
  await grab(run.frame, cards[0]).click();
  await binButton(run.frame, cards[0].bin).click();
  await waitUntil(() => latest(version, learner), (a) => a.commits > commits && placedIn(a.cmi.suspend_data) === 1, 'the move in the LMS');
  assert.deepEqual(run.page.errors, []);
  await run.context.close();
});
