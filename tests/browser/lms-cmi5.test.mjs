// End-to-end: the packaged course.html as a cmi5 AU, launched against a stand-in LMS/LRS that
// this test serves: the unzipped package on one port, as an LMS serves it (no CSP header of its
// own: the page's meta policy applies), and the LRS on another, so every request to it is
// cross-origin with CORS. The LRS has a
// fetch URL that hands out its auth token once, the State API (LMS.LaunchData and the AU's own
// resume document) and the statements resource, all refusing requests without the token. Checked:
// the token is fetched once per launch and used; the statements come in cmi5's order
// (initialized, answered…, completed, passed, terminated) with the contextTemplate, the
// registration, the cmi5 and moveOn categories and the masteryScore; each validates under
// Learning Locker's validator with no error and no warning; a relaunch in another browser resumes
// from the State API and a second finished attempt sends no second completed or passed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, READY } from './harness.mjs';
import { readSet, placeByTap, finishBoardWithOneWrong } from './board.mjs';
import { serveFiles, servePackage, standInServer, waitUntil } from './lms.mjs';
import { assertValidStatements } from './xapi-check.mjs';

const { cards } = readSet('snijders-nl.json');
const env = {};
const actor = { objectType: 'Agent', name: 'Student', account: { homePage: 'https://lms.example.org', name: 'student-7' } };
const REGISTRATION = 'a7c3e1f0-2b4d-4c6e-8f10-123456789abc';
const activityId = 'https://lms.example.org/courses/diaries/au/1';
const sessionExtension = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVE_ON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const TOKEN = Buffer.from('au:secret').toString('base64');

/** The stand-in LMS and LRS: records what the AU did. */
function standIn() {
  const lrs = { statements: [], fetches: [], unauthorised: 0, states: new Map(), session: 's-1' };
  const launchData = () => ({
    contextTemplate: {
      contextActivities: { grouping: [{ id: 'https://lms.example.org/courses/diaries' }] },
      extensions: { [sessionExtension]: lrs.session },
    },
    launchMode: 'Normal',
    moveOn: 'CompletedAndPassed',
    masteryScore: 0.9,
  });
  const answer = ({ method, url, headers, text }, reply) => {
    if (url.pathname.startsWith('/fetch/')) {
      const used = lrs.fetches.includes(url.pathname);
      lrs.fetches.push(url.pathname);
      return used ? reply(200, { 'error-code': '1', 'error-text': 'already used' }) : reply(200, { 'auth-token': TOKEN });
    }
    if (headers.authorization !== `Basic ${TOKEN}` || headers['x-experience-api-version'] !== '1.0.3') {
      lrs.unauthorised += 1;
      return reply(401, {});
    }
    if (url.pathname === '/xapi/activities/state') {
      const q = url.searchParams;
      assert.deepEqual([JSON.parse(q.get('agent')), q.get('activityId')], [actor, activityId]);
      const id = `${q.get('registration')}/${q.get('stateId')}`;
      if (method === 'PUT') {
        lrs.states.set(id, JSON.parse(text));
        return reply(204);
      }
      if (id.endsWith('/LMS.LaunchData')) return reply(200, launchData());
      return lrs.states.has(id) ? reply(200, lrs.states.get(id)) : reply(404, {});
    }
    if (url.pathname === '/xapi/statements' && method === 'POST') {
      const list = [JSON.parse(text)].flat();
      for (const s of list) if (!lrs.statements.some((t) => t.id === s.id)) lrs.statements.push(s);
      return reply(200, list.map((s) => s.id));
    }
    return reply(404, {});
  };
  return standInServer(answer).then((server) => ({ lrs, ...server }));
}

before(async () => {
  env.browser = await launchBrowser();
  env.served = await servePackage('cmi5');
  // Only the unzipped files are needed: the test serves them itself.
  await env.served.server.stop();
  env.lms = await serveFiles(env.served.dir);
  env.stand = await standIn();
});
after(async () => {
  await env.browser?.close();
  await env.lms?.close();
  await env.stand?.close();
});

/** Launches the AU as a cmi5 LMS would, with fetch URL number `n`, in a fresh browser context. */
async function launch(n, registration = REGISTRATION) {
  const base = env.stand.origin;
  const query = new URLSearchParams({
    endpoint: `${base}/xapi/`,
    fetch: `${base}/fetch/${n}`,
    actor: JSON.stringify(actor),
    registration,
    activityId,
  });
  const page = await openPage(env.browser, `${env.lms.origin}/www/course.html?${query}`, { viewport: { width: 1280, height: 1000 } });
  return page;
}

const verbs = (list) => list.map((s) => s.verb.id.split('/').at(-1));

/** Waits until the LRS holds a statement with `verb` after the first `from` ones. */
const waitForVerb = (verb, from = 0) =>
  waitUntil(() => verbs(env.stand.lrs.statements.slice(from)), (list) => list.includes(verb), `a ${verb} statement`);

test('cmi5: token once, launch data, statements in order with the context template, terminated on leaving', async () => {
  const { lrs } = env.stand;
  const page = await launch(1);
  await waitForVerb('initialized');
  await finishBoardWithOneWrong(page, cards);
  await waitForVerb('passed');
  await page.goto('about:blank');
  await waitForVerb('terminated');
  const list = lrs.statements;
  assert.deepEqual(verbs(list), ['initialized', ...Array(cards.length + 1).fill('answered'), 'completed', 'passed', 'terminated']);
  assert.deepEqual(lrs.fetches, ['/fetch/1'], 'the token is fetched once');
  assert.equal(lrs.unauthorised, 0, 'every LRS request carries the token');
  assertValidStatements(list);
  for (const s of list) {
    assert.deepEqual(s.actor, actor);
    assert.equal(s.context.registration, REGISTRATION);
    assert.equal(s.context.extensions[sessionExtension], 's-1', 'the contextTemplate');
    assert.deepEqual(s.context.contextActivities.grouping, [{ id: 'https://lms.example.org/courses/diaries' }]);
    const categories = (s.context.contextActivities.category ?? []).map((c) => c.id);
    const verb = verbs([s])[0];
    if (verb === 'answered') {
      assert.deepEqual(categories, [], 'an allowed statement carries no cmi5 category');
      continue;
    }
    assert.equal(s.object.id, activityId);
    assert.deepEqual(categories, ['completed', 'passed'].includes(verb) ? [CMI5, MOVE_ON] : [CMI5]);
  }
  const passed = list.find((s) => verbs([s])[0] === 'passed');
  assert.deepEqual(passed.result.score, { scaled: 0.98, raw: 98, min: 0, max: 100 });
  assert.equal(passed.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore'], 0.9);
  assert.equal(list.find((s) => verbs([s])[0] === 'completed').result.completion, true);
  assert.match(list.at(-1).result.duration, /^PT\d+H\d+M\d+(\.\d+)?S$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('cmi5.xml is well-formed, with one AU launching course.html', async () => {
  const page = await openPage(env.browser, null);
  const text = env.served.entries.get('cmi5.xml').toString('utf8');
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const au = doc.getElementsByTagName('au');
    return {
      errors: doc.getElementsByTagName('parsererror').length,
      namespace: doc.documentElement.namespaceURI,
      aus: au.length,
      url: au[0]?.getElementsByTagName('url')[0]?.textContent,
      mastery: au[0]?.getAttribute('masteryScore'),
    };
  }, text);
  assert.deepEqual(parsed, {
    errors: 0,
    namespace: 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd',
    aus: 1,
    url: 'www/course.html',
    mastery: '0.6',
  });
  assert.ok(env.served.entries.has('www/course.html'));
  await page.context().close();
});

test('cmi5: a relaunch in another browser resumes from the State API; no second completed or passed', async () => {
  const { lrs } = env.stand;
  const from = lrs.statements.length;
  lrs.session = 's-2';
  const page = await launch(2);
  await page.getByRole('heading', { name: 'Resultaat' }).waitFor();
  await page.getByRole('button', { name: 'Opnieuw beginnen', exact: true }).click();
  await page.locator(READY).waitFor();
  await placeByTap(page, cards);
  await page.getByRole('button', { name: 'Controleer', exact: true }).click();
  await page.getByRole('heading', { name: 'Resultaat' }).waitFor();
  await page.goto('about:blank');
  await waitForVerb('terminated', from);
  const list = lrs.statements.slice(from);
  assert.deepEqual(verbs(list), ['initialized', ...Array(cards.length).fill('answered'), 'terminated']);
  assertValidStatements(list);
  assert.ok(list.every((s) => s.context.extensions[sessionExtension] === 's-2'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('cmi5: offline, statements wait in localStorage; back online, they arrive in order', async () => {
  const { lrs } = env.stand;
  const registration = 'b8d4f2a1-3c5e-4d7f-9a21-234567890bcd';
  const mine = () => lrs.statements.filter((s) => s.context.registration === registration);
  const page = await launch(3, registration);
  await waitUntil(() => verbs(mine()), (list) => list.includes('initialized'), 'initialized');
  await page.context().setOffline(true);
  await placeByTap(page, cards);
  await page.getByRole('button', { name: 'Controleer', exact: true }).click();
  await page.locator('#lms-status').getByText('ze worden later opnieuw verstuurd').waitFor();
  const queue = () =>
    page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('diary-sort:xapi-queue:'))
        .map((k) => JSON.parse(localStorage.getItem(k)).length),
    );
  await waitUntil(queue, (lengths) => lengths[0] === cards.length + 2, 'the answers, completed and passed queued');
  assert.deepEqual(verbs(mine()), ['initialized']);
  // The browser says it is back online: the queue goes out at once, oldest first.
  await page.context().setOffline(false);
  await waitUntil(() => verbs(mine()), (list) => list.includes('passed'), 'the queued statements');
  assert.deepEqual(verbs(mine()), ['initialized', ...Array(cards.length).fill('answered'), 'completed', 'passed']);
  await waitUntil(queue, (lengths) => lengths.length === 0, 'an empty queue');
  assertValidStatements(mine());
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('cmi5: a reload of the page goes on reporting with the token kept for the launch', async () => {
  const { lrs } = env.stand;
  const registration = 'c9e5a3b2-4d6f-4e80-8b32-345678901cde';
  const mine = () => verbs(lrs.statements.filter((s) => s.context.registration === registration));
  const unauthorised = lrs.unauthorised;
  const page = await launch(4, registration);
  await waitUntil(mine, (list) => list.includes('initialized'), 'initialized');
  await placeByTap(page, cards.slice(0, 2));
  await page.reload();
  await page.locator(READY).waitFor();
  // The attempt goes on where it was (the State API), and so does the reporting.
  await placeByTap(page, cards.slice(2));
  await page.getByRole('button', { name: 'Controleer', exact: true }).click();
  await waitUntil(mine, (list) => list.includes('passed'), 'passed after the reload');
  assert.deepEqual(lrs.fetches.filter((f) => f === '/fetch/4'), ['/fetch/4'], 'the token is fetched once');
  assert.equal(lrs.unauthorised, unauthorised, 'every request carries the token');
  assert.equal(mine().filter((v) => v === 'initialized').length, 1, 'one initialized for the launch');
  assert.equal(await page.locator('#lms-status').textContent(), '', 'nothing to worry the student');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('cmi5: a launch whose token cannot be had says on screen that nothing is reported', async () => {
  const registration = 'd0f6b4c3-5e70-4f91-9c43-456789012def';
  const first = await launch(5, registration);
  await first.context().close();
  // The same launch address again, in another browser: the fetch URL hands out no second token.
  const page = await launch(5, registration);
  await page.locator('#lms-status').getByText('kan niet aan de cursusomgeving worden doorgegeven').waitFor();
  await placeByTap(page, cards.slice(0, 1));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
