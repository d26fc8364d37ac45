// End-to-end against a real Learning Record Store: Ralph (tests/browser/ralph.mjs starts it on a
// free port of 127.0.0.1 and stops it after the file). It runs through a launcher,
// scripts/ralph-lrs.py, because `ralph runserver`'s file back end creates its statements file on
// every write, so it refuses every statement after the first ("Statements bulk indexation
// failed"); the launcher makes it append, and binds 127.0.0.1 only. The packaged course.html, served as an LMS
// serves it, is run through in headless Chromium twice, the board and the quiz each to the end:
// - as an xAPI launch (?endpoint=&auth=): the page posts its statements to Ralph itself (CORS);
// - as a cmi5 AU, launched by a stand-in LMS (fetch URL, State API: Ralph has no State API) whose
//   endpoint passes every statement on to Ralph, as LMSs that front an LRS do.
// Then every statement is read back through GET /xAPI/statements, page by page along `more`:
// each one the page sent is there, and each validates under Learning Locker's validator with no
// error and no warning. Last, `diary-sort report --lrs` draws the class report from Ralph: the
// same page as from a file of the same statements, with both students' answers in it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, openPage, READY, repoRoot, serverBinary } from './harness.mjs';
import { readSet, finishBoardWithOneWrong } from './board.mjs';
import { QUIZ, currentItem, readQuizSet } from './quiz.mjs';
import { serveFiles, servePackage, standInServer, tempDir, waitUntil } from './lms.mjs';
import { startRalph } from './ralph.mjs';
import { assertValidStatements } from './xapi-check.mjs';

const { cards } = readSet('snijders-nl.json');
const quiz = readQuizSet('snijders-nl.json');
const t = QUIZ.nl;
const quizItems = quiz.set.excerpts.length + quiz.set.questions.length;
const env = {};
const XAPI = {
  actor: { objectType: 'Agent', name: 'Ada', mbox: 'mailto:ada@example.org' },
  registration: '0c2a4e6f-8b1d-4f3a-9c5e-7d9b1f3a5c7e',
  activity: 'https://example.org/courses/diaries/sorting',
};
const CMI5 = {
  actor: { objectType: 'Agent', name: 'Bram', account: { homePage: 'https://lms.example.org', name: 'student-9' } },
  registration: '5d7f9b1c-3e5a-4c7e-9f1b-3d5f7a9c1e3b',
  activity: 'https://lms.example.org/courses/diaries/au/1',
};
const TOKEN = Buffer.from('au:lms-token').toString('base64');

/**
 * A stand-in cmi5 LMS in front of Ralph: a fetch URL that hands out its token once, the State
 * API (LMS.LaunchData and the AU's own documents) kept here, and POST/PUT statements passed on
 * to Ralph with the LMS's own credentials; requests without the token are refused.
 */
function lmsInFrontOf(ralph) {
  const states = new Map();
  const launchData = { contextTemplate: { contextActivities: { grouping: [{ id: 'https://lms.example.org/courses/diaries' }] } }, launchMode: 'Normal', moveOn: 'CompletedAndPassed', masteryScore: 0.6 };
  const lms = { fetched: 0, refused: 0, forwarded: [] };
  const answer = async ({ method, url, headers, text }, reply) => {
    if (url.pathname === '/fetch') {
      lms.fetched += 1;
      return reply(200, lms.fetched === 1 ? { 'auth-token': TOKEN } : { 'error-code': '1', 'error-text': 'already used' });
    }
    if (headers.authorization !== `Basic ${TOKEN}`) {
      lms.refused += 1;
      return reply(401, {});
    }
    if (url.pathname === '/xapi/activities/state') {
      const id = `${url.searchParams.get('registration')}/${url.searchParams.get('stateId')}`;
      if (method === 'PUT') {
        states.set(id, text);
        return reply(204);
      }
      if (id.endsWith('/LMS.LaunchData')) return reply(200, launchData);
      return states.has(id) ? reply(200, states.get(id)) : reply(404, {});
    }
    if (url.pathname === '/xapi/statements' && ['POST', 'PUT'].includes(method)) {
      for (const s of [JSON.parse(text)].flat()) if (!lms.forwarded.includes(s.id)) lms.forwarded.push(s.id);
      const answer = await fetch(new URL(`statements${url.search}`, ralph.endpoint), {
        method,
        headers: { Authorization: ralph.auth, 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' },
        body: text,
      });
      return reply(answer.status, await answer.text());
    }
    return reply(404, {});
  };
  return standInServer(answer).then(({ origin, close }) => ({ lms, endpoint: `${origin}/xapi/`, fetchUrl: `${origin}/fetch`, close }));
}

before(async () => {
  env.browser = await launchBrowser();
  const served = await servePackage('cmi5');
  // Only the unzipped files are needed: served as an LMS serves them (diary-sort serve's own
  // CSP header would keep the page from reaching another origin).
  await served.server.stop();
  env.course = await serveFiles(served.dir);
  // Pages of 25, so that reading them back follows `more` a few times.
  env.ralph = await startRalph({ corsOrigins: [env.course.origin], pageSize: 25 });
  env.lms = await lmsInFrontOf(env.ralph);
});
after(async () => {
  await env.browser?.close();
  await env.lms?.close();
  await env.course?.close();
  await env.ralph?.stop();
});

/** Records the ids of the statements `page` posts to `endpoint` (one statement or a list). */
function recordSent(page, endpoint) {
  const ids = [];
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().startsWith(`${endpoint}statements`)) return;
    for (const s of [JSON.parse(request.postData())].flat()) if (!ids.includes(s.id)) ids.push(s.id);
  });
  return ids;
}

/** Opens the course with the launch parameters `params` in a fresh context; resolves when ready. */
async function openCourse(params) {
  const page = await openPage(env.browser, null, { viewport: { width: 1280, height: 1000 } });
  await page.goto(`${env.course.origin}/www/course.html?${new URLSearchParams(params)}`);
  await page.locator(READY).waitFor();
  return page;
}

/**
 * The quiz to the review by mouse: every fifth excerpt in a wrong bin and unsure, the others
 * right, with their criteria ticked, and sure; questions answered right. Returns the answers given.
 */
async function finishQuiz(page) {
  const button = (name) => page.getByRole('button', { name, exact: true });
  await page.getByRole('tab', { name: t.tabQuiz }).click();
  for (let k = 1; k <= quizItems; k++) {
    const item = await currentItem(page, quiz);
    const wrong = item.kind === 'excerpt' && k % 5 === 0;
    if (item.kind === 'excerpt') {
      const e = item.excerpt;
      for (const label of e.criteria) await page.getByRole('checkbox', { name: label, exact: true }).click();
      const bin = wrong ? [...quiz.binLabel.values()].find((l) => l !== e.bin) : e.bin;
      await page.getByRole('radio', { name: bin, exact: true }).click();
    } else {
      for (const o of item.question.options.filter((o) => o.correct)) {
        await page.getByRole(item.question.type === 'single' ? 'radio' : 'checkbox', { name: o.text, exact: true }).click();
      }
    }
    await page.getByRole('radio', { name: wrong ? t.unsure : t.sure, exact: true }).click();
    await button(t.submit).click();
    await page.getByRole('region', { name: t.feedback, exact: true }).waitFor();
    await button(k === quizItems ? t.toReview : t.next).click();
  }
  await page.getByRole('heading', { name: t.review, exact: true }).waitFor();
}

const verbs = (list) => list.map((s) => s.verb.id.split('/').at(-1));
const count = (list) => Object.fromEntries([...new Set(list)].map((v) => [v, list.filter((w) => w === v).length]));

/** Reads the registration's statements back from Ralph until `n` are there. */
const inRalph = (registration, n) =>
  waitUntil(
    () => env.ralph.statements(`registration=${registration}`),
    ({ statements }) => statements.length >= n,
    `${n} statements in Ralph`,
  );

test('xAPI launch: a whole run, board and quiz, lands in Ralph and validates', async () => {
  const page = await openCourse({
    endpoint: env.ralph.endpoint,
    auth: env.ralph.auth,
    actor: JSON.stringify(XAPI.actor),
    registration: XAPI.registration,
    activity_id: XAPI.activity,
  });
  // An xAPI launch sends nothing before the first answer.
  const sent = recordSent(page, env.ralph.endpoint);
  await finishBoardWithOneWrong(page, cards);
  await finishQuiz(page);
  const expected = cards.length + 1 + 2 + quizItems;
  const { statements } = await inRalph(XAPI.registration, expected);
  assert.deepEqual(
    statements.map((s) => s.id).sort(),
    [...sent].sort(),
    'Ralph holds every statement the page sent, and no other for this registration',
  );
  assert.deepEqual(count(verbs(statements)), { answered: cards.length + 1 + quizItems, completed: 1, passed: 1 });
  assert.ok(statements.every((s) => s.actor.mbox === XAPI.actor.mbox && s.context.registration === XAPI.registration));
  const extension = (name) => statements.filter((s) => s.result?.extensions?.[`https://w3id.org/xapi/diary-sort/extensions/${name}`]);
  assert.equal(extension('criteria').length, quiz.set.excerpts.length, 'every quiz excerpt with its ticked criteria');
  assert.equal(extension('certainty').length, quizItems, 'every quiz answer with its certainty');
  assertValidStatements(statements);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('cmi5 launch: a whole run, board and quiz, lands in Ralph through the LMS and validates', async () => {
  const page = await openCourse({
    endpoint: env.lms.endpoint,
    fetch: env.lms.fetchUrl,
    actor: JSON.stringify(CMI5.actor),
    registration: CMI5.registration,
    activityId: CMI5.activity,
  });
  await finishBoardWithOneWrong(page, cards);
  await finishQuiz(page);
  await page.goto('about:blank');
  const expected = 1 + cards.length + 1 + 2 + quizItems + 1;
  const { statements } = await inRalph(CMI5.registration, expected);
  // The LMS saw what the AU sent (the page's own request log may miss the one sent as it unloads).
  assert.deepEqual(statements.map((s) => s.id).sort(), [...env.lms.lms.forwarded].sort(), 'Ralph holds every statement the AU sent');
  assert.deepEqual(count(verbs(statements)), { initialized: 1, answered: cards.length + 1 + quizItems, completed: 1, passed: 1, terminated: 1 });
  assert.deepEqual([env.lms.lms.fetched, env.lms.lms.refused], [1, 0], 'one token, used on every request');
  assertValidStatements(statements);
  assert.deepEqual(page.errors, []);
  await page.context().close();

  // Both runs together, read 20 a page along `more`: each statement once.
  const all = await env.ralph.statements('limit=20');
  const total = expected + cards.length + 3 + quizItems;
  assert.equal(new Set(all.statements.map((s) => s.id)).size, total);
  assert.equal(all.statements.length, total);
  assert.ok(all.pages >= Math.ceil(total / 20), `${all.pages} pages`);
});

/** Runs `diary-sort report ARGS -o DIR/report.html` (a fresh DIR); returns {status, stdout, html}. */
function report(args) {
  const out = path.join(tempDir('report'), 'report.html');
  const run = spawnSync(serverBinary(), ['report', ...args, '--set', 'www/sets/snijders-nl.json', '-o', out], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.status, 0, `diary-sort report ${args.join(' ')}: ${run.stdout}${run.stderr}`);
  return { stdout: run.stdout, html: readFileSync(out, 'utf8') };
}

test('diary-sort report --lrs: the class report from Ralph, the same as from a file of its statements', async () => {
  const { statements } = await env.ralph.statements();
  const answered = statements.filter((s) => s.verb.id.endsWith('/answered')).length;
  assert.equal(answered, 2 * (cards.length + 1 + quizItems), 'both runs are in Ralph (the tests above ran)');
  const lrs = ['--lrs', env.ralph.endpoint, '--user', env.ralph.user, '--password', env.ralph.password];
  const fromLrs = report(lrs);
  const file = path.join(tempDir('statements'), 'statements.json');
  writeFileSync(file, JSON.stringify(statements));
  const fromFile = report([file]);
  assert.equal(fromLrs.html, fromFile.html, 'the same report from the LRS as from the file');
  // First tries: every answer but the board's second try of its wrong card, in each run (the
  // quiz's answer to an excerpt is a first try of its own, not a later try of the board's).
  const summary = new RegExp(`^\\S+: ${answered} answers \\(${answered - 2} first tries\\) of 2 students in 2 attempts; ${statements.length - answered} statements ignored`);
  assert.match(fromLrs.stdout, summary);
  assert.match(fromLrs.stdout, new RegExp(`; ${Math.ceil(statements.length / 25)} pages from the LRS;`));
  assert.match(fromFile.stdout, summary);
  // What a teacher sees at the top: both students, both attempts, every answer.
  const figures = [...fromLrs.html.matchAll(/<span class="number">([^<]*)<\/span> <span class="what">([^<]*)</g)].map((m) => `${m[1]} ${m[2]}`);
  assert.deepEqual(figures.slice(0, 3), ['2 studenten', '2 pogingen', `${answered} antwoorden`]);

  // One course's activity only: the xAPI run's.
  const one = report([...lrs, '--activity', XAPI.activity]);
  assert.match(one.stdout, new RegExp(` ${answered / 2} answers \\(${answered / 2 - 1} first tries\\) of 1 students in 1 attempts`));
  // Only what was stored since a time after both runs: nothing.
  const later = report([...lrs, '--since', new Date(Date.now() + 60_000).toISOString()]);
  assert.ok(later.stdout.includes('0 answers (0 first tries) of 0 students'), later.stdout);
});
