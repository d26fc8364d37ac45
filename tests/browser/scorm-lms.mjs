// A Moodle-like SCORM LMS for the end-to-end tests (lms-course.test.mjs), on node's http: each
// package built by `diary-sort package` unzipped under /pluginfile.php/ID/mod_scorm/content/1/
// (as Moodle serves a package's files), a player page (fixtures/lms-player.*) that installs
// scorm-again 3.4.3 as the API and shows the SCO in an iframe at the launch address the
// manifest gives, and the LMS's own record: per package and learner a list of attempts, each
// holding the CMI of its last commit (scorm-again posts it to /mod/scorm/datamodel.php).
//
// A launch starts from that record only, as an LMS does: the learner's id and name, and
//  - 1.2: `cmi.core.entry` `ab-initio` for an attempt without data, `resume` after an exit
//    `suspend`, else '' (the same attempt, relaunched); a new attempt only when asked
//    (newAttempt, Moodle's "force new attempt");
//  - 2004: `resume` after an exit `suspend`; after any other exit a new attempt, `ab-initio`.
import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './harness.mjs';
import { runPackage, sendFile, tempDir, unzip } from './lms.mjs';

/** The packages, by Moodle-like context id. */
const PACKAGES = { 42: { format: 'scorm12', version: '1.2' }, 43: { format: 'scorm2004', version: '2004' } };

/** Builds and unzips a package of `set` for every version; returns {id: {dir, version, launch}}. */
function buildPackages(set) {
  const built = {};
  for (const [id, { format, version }] of Object.entries(PACKAGES)) {
    const dir = tempDir(format);
    const zip = path.join(dir, 'course.zip');
    const run = runPackage(['--set', set, '--format', format, '-o', zip]);
    if (run.status !== 0) throw new Error(`diary-sort package failed: ${run.stderr}`);
    const content = path.join(dir, 'content');
    for (const [name, bytes] of unzip(zip)) {
      mkdirSync(path.dirname(path.join(content, name)), { recursive: true });
      writeFileSync(path.join(content, name), bytes);
    }
    // The launch address, read from the manifest as an LMS reads it.
    const manifest = unzip(zip).get('imsmanifest.xml').toString('utf8');
    const launch = /<resource [^>]*adlcp:scorm[tT]ype="sco"[^>]*href="([^"]+)"/.exec(manifest)?.[1];
    if (!launch) throw new Error(`no SCO in the ${format} manifest`);
    built[id] = { dir: content, version, launch: launch.replaceAll('&amp;', '&') };
  }
  return built;
}

/** The CMI a launch of `attempt` starts from, and the attempt it belongs to (possibly a new one). */
function launchData(records, version, learner) {
  const v2004 = version === '2004';
  let attempt = records.at(-1);
  if (!attempt || (v2004 && attempt.cmi && attempt.cmi.exit !== 'suspend')) {
    attempt = { number: records.length + 1, cmi: null, commits: 0 };
    records.push(attempt);
  }
  const saved = attempt.cmi ? structuredClone(attempt.cmi) : {};
  const exit = v2004 ? saved.exit : saved.core?.exit;
  const entry = !attempt.cmi ? 'ab-initio' : exit === 'suspend' ? 'resume' : '';
  // What the SCO wrote for its last session only is not handed back.
  for (const key of ['exit', 'session_time']) {
    delete saved[key];
    if (saved.core) delete saved.core[key];
  }
  if (v2004) {
    Object.assign(saved, { entry, learner_id: learner, learner_name: learner });
  } else {
    saved.core = { ...saved.core, entry, student_id: learner, student_name: learner };
  }
  return { attempt, cmi: saved };
}

/**
 * Starts the LMS with packages of `set` (a path from the repository root). Returns {origin,
 * player(id, learner, {both}), record(id, learner), newAttempt(id, learner), stop()}: the
 * player's address, the learner's attempts [{number, cmi, commits}], and Moodle's "force new
 * attempt".
 */
export async function startLms(set = 'www/sets/snijders-nl.json') {
  const packages = buildPackages(set);
  const records = new Map();
  const recordOf = (id, learner) => {
    const key = `${id}/${learner}`;
    if (!records.has(key)) records.set(key, []);
    return records.get(key);
  };
  const fixtures = path.join(repoRoot, 'tests/browser/fixtures');
  const scormAgain = path.join(repoRoot, 'tests/browser/node_modules/scorm-again/dist');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const q = url.searchParams;
    const json = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const file = (name) => sendFile(res, name);
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const content = /^\/pluginfile\.php\/(\d+)\/mod_scorm\/content\/1\/(.*)$/.exec(url.pathname);
      if (content && packages[content[1]]) return file(path.join(packages[content[1]].dir, path.normalize(`/${content[2]}`)));
      if (url.pathname === '/mod/scorm/player.php') return file(path.join(fixtures, 'lms-player.html'));
      if (url.pathname === '/mod/scorm/player.js') return file(path.join(fixtures, 'lms-player.js'));
      if (url.pathname.startsWith('/lib/scorm-again/')) return file(path.join(scormAgain, path.basename(url.pathname)));
      const id = q.get('id');
      const learner = q.get('learner');
      const pkg = packages[id];
      if (url.pathname === '/mod/scorm/launch' && pkg && learner) {
        const { attempt, cmi } = launchData(recordOf(id, learner), pkg.version, learner);
        const commitUrl = `datamodel.php?${new URLSearchParams({ id, learner, attempt: attempt.number })}`;
        return json(200, { version: pkg.version, cmi, commitUrl, sco: `/pluginfile.php/${id}/mod_scorm/content/1/${pkg.launch}` });
      }
      if (url.pathname === '/mod/scorm/datamodel.php' && req.method === 'POST' && pkg && learner) {
        const attempt = recordOf(id, learner).find((a) => a.number === Number(q.get('attempt')));
        if (!attempt) return json(404, { result: false, errorCode: 101 });
        attempt.cmi = JSON.parse(text).cmi;
        attempt.commits += 1;
        return json(200, { result: true, errorCode: 0 });
      }
      if (url.pathname === '/mod/scorm/decoy.php') return json(200, { result: true, errorCode: 0 });
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    player: (id, learner, { both = false } = {}) =>
      `${origin}/mod/scorm/player.php?${new URLSearchParams({ id, learner, ...(both ? { both: '1' } : {}) })}`,
    record: (id, learner) => recordOf(String(id), learner),
    newAttempt: (id, learner) => {
      const list = recordOf(String(id), learner);
      list.push({ number: list.length + 1, cmi: null, commits: 0 });
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
