// End-to-end: the built SCORM 1.2 and 2004 packages, unzipped and served, in a stand-in LMS
// whose API is scorm-again's (fixtures/scorm-host.*), the launch page in an iframe so the course
// finds the API by walking its parents. Played by tap-to-place; asserted through the LMS's own
// data model (scorm-again's cmi): score, statuses, interactions with their correct response
// patterns, suspend data within 1.2's 4,096 characters (and a state past it degrading to "score
// only"), a relaunch from the saved CMI resuming the attempt without a second completion, a
// Commit that fails (retried, local copy kept, student told), no API at all, and nonsense from
// GetValue.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, READY, axeViolations, formatAxe } from './harness.mjs';
import { readSet, grab, binButton, placeByTap } from './board.mjs';
import { bigSet, servePackage, waitUntil } from './lms.mjs';

const { set, cards } = readSet('snijders-nl.json');
const env = {};

before(async () => {
  env.browser = await launchBrowser();
  env.scorm12 = await servePackage('scorm12');
  env.scorm2004 = await servePackage('scorm2004');
});
after(async () => {
  await env.browser?.close();
  await env.scorm12?.server.stop();
  await env.scorm2004?.server.stop();
});

/** Opens the stand-in LMS for `version` ('1.2' | '2004') with `query`, from `savedCmi` if given. */
async function openLms(version, { query = '', savedCmi = null, context = null } = {}) {
  const served = version === '1.2' ? env.scorm12 : env.scorm2004;
  const page = context ? await context.newPage() : await openPage(env.browser, null, { viewport: { width: 1280, height: 1000 } });
  page.errors ??= [];
  if (savedCmi) await page.addInitScript((cmi) => (window.__savedCmi = cmi), savedCmi);
  await page.goto(served.server.href(`/www/scorm-host.html?version=${version}${query}`));
  const frame = page.frameLocator('#sco');
  await frame.locator(READY).waitFor();
  return { page, frame };
}

/** scorm-again's CMI now (as JSON), and the course's SetValue/Commit calls. */
const cmiOf = (page) => page.evaluate(() => (window.API ?? window.API_1484_11).renderCMIToJSONObject().cmi);
const callsOf = (page) => page.evaluate(() => window.__calls);
const check = (frame) => frame.getByRole('button', { name: 'Controleer', exact: true }).click();

/** Places every card by tap, the first in a wrong bin; returns that card. */
async function placeAllOneWrong(frame) {
  const [wrong, ...rest] = cards;
  const elsewhere = cards.find((c) => c.bin !== wrong.bin);
  await grab(frame, wrong).click();
  await binButton(frame, elsewhere.bin).click();
  await placeByTap(frame, rest);
  return { wrong, elsewhere };
}

/** Waits until `predicate` holds for the course's calls, or for the LMS's CMI. */
const waitForCalls = (page, predicate, what) => waitUntil(() => callsOf(page), predicate, `the course made ${what}`);
const waitForCmi = (page, predicate, what) => waitUntil(() => cmiOf(page), predicate, `the LMS saw ${what}`);

test('SCORM 1.2: status, suspend data, interactions and score; a relaunch resumes without a second completion', async () => {
  const { page, frame } = await openLms('1.2');
  let cmi = await waitForCmi(page, (c) => c.suspend_data !== '', 'the suspend data');
  assert.equal(cmi.core.lesson_status, 'incomplete');
  assert.equal(cmi.core.exit, 'suspend');
  assert.match(cmi.suspend_data, /^3_b_b2\.[0-9a-f]{16}\.[^_]+_q3\.[0-9a-f]{16}\./, 'both modes and the tab');
  assert.ok(cmi.suspend_data.length <= 4096);
  const { wrong, elsewhere } = await placeAllOneWrong(frame);
  await check(frame);
  cmi = await waitForCmi(page, (c) => Object.keys(c.interactions).length === cards.length, 'an interaction per card');
  const byId = new Map(Object.values(cmi.interactions).map((i) => [i.id, i]));
  for (const card of cards) {
    const it = byId.get(card.id);
    assert.equal(it.type, 'matching');
    assert.equal(it.student_response, `${card.id}.${card === wrong ? elsewhere.binId : card.binId}`);
    assert.equal(it.result, card === wrong ? 'wrong' : 'correct');
    assert.equal(it.correct_responses['0'].pattern, `${card.id}.${card.binId}`);
    assert.match(it.latency, /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    assert.match(it.time, /^\d{2}:\d{2}:\d{2}$/);
  }
  assert.equal(cmi.core.lesson_status, 'incomplete', 'not finished yet');
  const calls = await callsOf(page);
  const lastCheckSet = calls.findLastIndex((c) => c[1]?.startsWith('cmi.interactions.'));
  assert.ok(calls.slice(lastCheckSet).some((c) => c[0] === 'LMSCommit'), 'a Commit after the check');

  // The student leaves (the course's page goes): session time, a last Commit, LMSFinish.
  await page.evaluate(() => (document.getElementById('sco').src = 'about:blank'));
  await waitForCalls(page, (calls) => calls.some((c) => c[0] === 'LMSFinish'), 'LMSFinish');
  const saved = await cmiOf(page);
  assert.match(saved.core.session_time, /^\d{2,4}:\d{2}:\d{2}/);
  assert.equal(saved.core.exit, 'suspend');
  await page.context().close();
  // The LMS relaunches from the CMI it kept, in a new browser (no localStorage): resumed.
  const second = await openLms('1.2', { savedCmi: saved });
  await second.frame.locator('.notice:visible').getByText('Je vorige poging is hersteld.').waitFor();
  const wrongCard = second.frame.getByRole('region', { name: elsewhere.bin, exact: true }).getByRole('button', { name: wrong.name, exact: true });
  await wrongCard.waitFor();
  await placeByTap(second.frame, [wrong]);
  await check(second.frame);
  cmi = await waitForCmi(second.page, (c) => c.core.lesson_status === 'passed', 'passed');
  // (15 × 100 + 75) / 16 = 98.
  assert.deepEqual([cmi.core.score.raw, cmi.core.score.min, cmi.core.score.max], ['98', '0', '100']);
  assert.equal(cmi.core.exit, '');
  const records = Object.values(cmi.interactions);
  assert.equal(records.length, cards.length + 1, 'a journal: the first check\'s records and the second\'s');
  assert.deepEqual(
    [records.at(-1).id, records.at(-1).result, records.at(-1).student_response],
    [wrong.id, 'correct', `${wrong.id}.${wrong.binId}`],
  );
  assert.ok(cmi.suspend_data.length <= 4096);
  const finished = await cmiOf(second.page);
  await second.page.context().close();

  // A third launch of the finished attempt: shown finished, nothing completed again.
  const third = await openLms('1.2', { savedCmi: finished });
  await third.frame.getByRole('heading', { name: 'Resultaat' }).waitFor();
  await third.page.waitForTimeout(300);
  const again = (await callsOf(third.page)).filter((c) => c[1] === 'cmi.core.lesson_status' || c[1]?.startsWith('cmi.core.score'));
  assert.deepEqual(again, [], 'no second completion');
  assert.equal((await cmiOf(third.page)).core.lesson_status, 'passed');
  assert.deepEqual(third.page.errors, []);
  await third.page.context().close();
});

test('the manifests are well-formed XML in their versions\' namespaces', async () => {
  const page = await openPage(env.browser, null);
  for (const [served, namespace] of [
    [env.scorm12, 'http://www.imsproject.org/xsd/imscp_rootv1p1p2'],
    [env.scorm2004, 'http://www.imsglobal.org/xsd/imscp_v1p1'],
  ]) {
    const text = served.entries.get('imsmanifest.xml').toString('utf8');
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const resource = doc.getElementsByTagName('resource')[0];
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        namespace: doc.documentElement.namespaceURI,
        href: resource?.getAttribute('href'),
        files: [...doc.getElementsByTagName('file')].map((f) => f.getAttribute('href')),
      };
    }, text);
    assert.equal(parsed.errors, 0, text);
    assert.equal(parsed.namespace, namespace);
    assert.match(parsed.href, /^www\/course\.html\?scorm=(1\.2|2004)$/, 'the launch names its SCORM version');
    for (const file of parsed.files) assert.ok(served.entries.has(file), `${file} is in the zip`);
  }
  await page.context().close();
});

test('SCORM 2004: one interaction per card, scaled score, completion and success against the LMS\'s passing score', async () => {
  // The LMS sends a passing score above what the play earns: its score decides, not the set's 60.
  const { page, frame } = await openLms('2004', { savedCmi: { scaled_passing_score: '0.99' } });
  let cmi = await waitForCmi(page, (c) => c.suspend_data !== '', 'the suspend data');
  assert.equal(cmi.completion_status, 'incomplete');
  assert.equal(cmi.exit, 'suspend');
  const { wrong, elsewhere } = await placeAllOneWrong(frame);
  await check(frame);
  cmi = await waitForCmi(page, (c) => Object.keys(c.interactions).length === cards.length, 'an interaction per card');
  const first = Object.values(cmi.interactions).find((i) => i.id === wrong.id);
  assert.deepEqual([first.type, first.result, first.learner_response], ['matching', 'incorrect', `${wrong.id}[.]${elsewhere.binId}`]);
  assert.equal(first.correct_responses['0'].pattern, `${wrong.id}[.]${wrong.binId}`);
  assert.match(first.latency, /^PT\d+H\d+M\d+(\.\d+)?S$/);
  assert.match(first.timestamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  await placeByTap(frame, [wrong]);
  await check(frame);
  cmi = await waitForCmi(page, (c) => c.completion_status === 'completed', 'completed');
  const records = Object.values(cmi.interactions);
  assert.equal(records.length, cards.length, 'the second check updated the card\'s own interaction');
  const again = records.find((i) => i.id === wrong.id);
  assert.deepEqual([again.result, again.learner_response], ['correct', `${wrong.id}[.]${wrong.binId}`]);
  assert.deepEqual([cmi.score.scaled, cmi.score.raw, cmi.score.min, cmi.score.max], ['0.98', '98', '0', '100']);
  assert.equal(cmi.success_status, 'failed', '98% is below the LMS\'s 99%');
  assert.equal(cmi.exit, 'normal');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a Commit that fails is retried; the attempt stays in the browser and the student is told', async () => {
  const { page, frame } = await openLms('1.2', { query: '&fail=3' });
  const status = frame.locator('#lms-status');
  await status.getByText('Er gaat niets verloren').waitFor();
  // The local copy: the element's localStorage in the course's frame holds the attempt.
  const courseFrame = page.frames().find((f) => f.url().includes('/www/course.html'));
  const local = await courseFrame.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('diary-sort:')).map((k) => localStorage.getItem(k)));
  assert.ok(local.some((v) => /^3_b_b2\.[0-9a-f]{16}\./.test(v)), 'the attempt is in localStorage');
  // Retried after 1, 2 and 4 s: the fourth Commit succeeds and the student hears so.
  await status.getByText('Je voortgang is opgeslagen').waitFor({ timeout: 15_000 });
  const commits = (await callsOf(page)).filter((c) => c[0] === 'LMSCommit').length;
  assert.ok(commits >= 4, `${commits} Commits`);
  const axe = await axeViolations(courseFrame);
  assert.deepEqual(axe, [], formatAxe(axe));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('in a new window the course finds the API through window.opener', async () => {
  const page = await openPage(env.browser, null, { viewport: { width: 1280, height: 1000 } });
  await page.goto(env.scorm2004.server.href('/www/scorm-host.html?version=2004&window=new'));
  const [course] = await Promise.all([page.waitForEvent('popup'), page.click('#open')]);
  await course.locator(READY).waitFor();
  const cmi = await waitForCmi(page, (c) => c.suspend_data !== '', 'the suspend data');
  assert.equal(cmi.completion_status, 'incomplete');
  await course.close({ runBeforeUnload: true });
  await waitForCalls(page, (calls) => calls.some((c) => c[0] === 'Terminate'), 'Terminate');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('without an LMS the launch page runs standalone and resumes from localStorage', async () => {
  const page = await openPage(env.browser, env.scorm12.server.href('/www/course.html'));
  await placeByTap(page, cards.slice(0, 2));
  await page.reload();
  await page.locator(READY).waitFor();
  await page.locator('.notice:visible').getByText('Je vorige poging is hersteld.').waitFor();
  assert.equal(await page.locator('#lms-status').textContent(), '');
  assert.equal(await page.title(), set.title, 'the set\'s title names the page');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('nonsense from GetValue is ignored: a fresh attempt, reported against the set\'s pass mark', async () => {
  const { page, frame } = await openLms('1.2', { query: '&garbage=1' });
  await frame.locator(READY).waitFor();
  assert.equal(await frame.getByText('Je vorige poging is hersteld.').count(), 0);
  await placeByTap(frame, cards);
  await check(frame);
  const cmi = await waitForCmi(page, (c) => c.core.lesson_status === 'passed', 'passed');
  assert.equal(cmi.core.score.raw, '100');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('SCORM 1.2: suspend data never exceeds 4,096 characters; a larger state leaves the score to the LMS', async () => {
  // A board-only set's resume string takes 1 character per excerpt plus at most 41: 4,055
  // excerpts fit.
  const served = await servePackage('scorm12', bigSet(4100));
  try {
    const page = await openPage(env.browser, null, { viewport: { width: 1280, height: 1000 } });
    await page.goto(served.server.href('/www/scorm-host.html?version=1.2'));
    const frame = page.frameLocator('#sco');
    await frame.locator(READY).waitFor({ timeout: 60_000 });
    await frame.locator('#lms-status').getByText('only your score').waitFor();
    const sets = (await callsOf(page)).filter((c) => c[1] === 'cmi.suspend_data');
    assert.ok(sets.length > 0 && sets.every((c) => c[2].length <= 4096), 'never more than 4,096');
    assert.equal((await cmiOf(page)).suspend_data, '');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  } finally {
    await served.server.stop();
  }
});

test('suspend data of another set version starts afresh with the widget\'s notice', async () => {
  const stale = `1.0123456789abcdef.1.0.${'-'.repeat(cards.length)}.${'-'.repeat(cards.length)}.${'0'.repeat(cards.length)}`;
  const { page, frame } = await openLms('1.2', { savedCmi: { suspend_data: stale } });
  await frame.locator('.notice:visible').getByText('hoort bij een andere versie van deze set').waitFor();
  const cmi = await waitForCmi(page, (c) => c.suspend_data !== stale, 'the fresh attempt\'s suspend data');
  assert.match(cmi.suspend_data, /^3_b_b2\.[0-9a-f]{16}\.[^_]+_q3\.[0-9a-f]{16}\./, 'both modes and the tab');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('SCORM 2004: the suspend data is read only when cmi.entry is "resume"', async () => {
  const first = await openLms('2004');
  await placeByTap(first.frame, cards.slice(0, 3));
  // Set at every move (the LMS's data model is read directly here).
  const { suspend_data: suspended } = await cmiOf(first.page);
  await first.page.context().close();
  // A new attempt that an LMS hands the old data anyway: fresh.
  const fresh = await openLms('2004', { savedCmi: { suspend_data: suspended, entry: 'ab-initio' } });
  assert.equal(await fresh.frame.locator('.pile .card').count(), cards.length, 'every card on the pile');
  assert.equal(await fresh.frame.getByText('Je vorige poging is hersteld.').count(), 0);
  await fresh.page.context().close();
  const resumed = await openLms('2004', { savedCmi: { suspend_data: suspended, entry: 'resume' } });
  await resumed.frame.locator('.notice:visible').getByText('Je vorige poging is hersteld.').waitFor();
  assert.equal(await resumed.frame.locator('.pile .card').count(), cards.length - 3);
  await resumed.page.context().close();
});
