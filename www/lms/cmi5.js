// @ts-check
// The exercise as a cmi5 assignable unit (cmi5 quartz, the AU's side). The LMS launches the page
// with endpoint, fetch, actor, registration and activityId in the query; then:
// 1. the auth token: one POST to `fetch` ({"auth-token": …}, used as `Basic …` from then on),
//    kept in sessionStorage for the launch, so a reload of the page goes on reporting (the fetch
//    URL hands the token out once); a reload sends no second initialized;
// 2. the State API's LMS.LaunchData for this actor, activity and registration: contextTemplate
//    (merged into every statement), launchMode, moveOn, masteryScore (0–1);
// 3. our own state document (RESUME_STATE): {state, sent}, the attempt's resume string (both
//    modes and the tab, so the attempt resumes in any browser; passed on when the module says it
//    is one) and which of completed, passed and failed were sent for this registration; it is
//    written at every change. Without it, the browser's copy of this registration's attempt;
// 4. initialized, then answered for each judged card (xapi.js), then at the end, in Normal
//    launch mode only, completed (unless moveOn is "Passed") and passed or failed against the
//    masteryScore (else the set's pass mark; not when moveOn is "Completed"): passed at most once
//    per registration, failed at most once and never after passed, completed at most once;
// 5. terminated when the page goes (pagehide), with the session's duration.
// Statements the cmi5 profile defines carry its category (and "moveon" for completed, passed and
// failed; the mastery score as a context extension for passed and failed), the object is the AU's
// activity id, and every statement has the launch's registration.

import { Sender, reportAnswers, scoreOf, sentOnce, statement, verdictAllowed } from './xapi.js';
import { isoDuration } from './scorm.js';

const CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVE_ON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
/** Our own state document: {state, sent}, the attempt's resume string and the verdicts sent. */
export const RESUME_STATE = 'https://w3id.org/xapi/diary-sort/state/resume';

/** @typedef {import('../diary-sort.js').DiarySortElement} DiarySortElement */
/**
 * A cmi5 launch's parameters (the launch URL's query).
 * @typedef {object} Launch
 * @property {string} endpoint the LRS
 * @property {string} fetch the URL that gives the auth token, once
 * @property {object} actor
 * @property {string} registration
 * @property {string} activityId
 */

/**
 * The launch parameters, or null when the page was not launched by a cmi5 LMS.
 * @param {string} [search] the page's query
 * @returns {Launch | null}
 */
export function cmi5Launch(search = window.location.search) {
  const q = new URLSearchParams(search);
  const [endpoint, fetchUrl, actorText, registration, activityId] = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'].map((n) => q.get(n));
  if (!endpoint || !fetchUrl || !actorText || !registration || !activityId) return null;
  let actor;
  try {
    actor = JSON.parse(actorText);
  } catch {
    return null;
  }
  if (actor === null || typeof actor !== 'object') return null;
  return { endpoint, fetch: fetchUrl, actor, registration, activityId };
}

/**
 * The query of a State API request for `stateId`.
 * @param {Launch} launch
 * @param {string} stateId
 * @returns {string}
 */
function stateQuery(launch, stateId) {
  return new URLSearchParams({
    stateId,
    activityId: launch.activityId,
    agent: JSON.stringify(launch.actor),
    registration: launch.registration,
  }).toString();
}

/**
 * The auth token of this launch (its fetch URL) kept in this tab, or null.
 * @param {Launch} launch
 * @returns {string | null}
 */
function keptToken(launch) {
  try {
    return sessionStorage.getItem(`diary-sort:cmi5-token:${launch.fetch}`);
  } catch {
    return null;
  }
}

/**
 * The auth token from the LMS's fetch URL (once per launch), kept in this tab for a reload.
 * @param {Launch} launch
 * @returns {Promise<string>}
 */
async function fetchToken(launch) {
  const answer = await fetch(launch.fetch, { method: 'POST' }).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`fetch URL: HTTP ${r.status}`))));
  const token = answer?.['auth-token'];
  if (typeof token !== 'string') throw new Error(`fetch URL: ${answer?.['error-text'] ?? 'no auth-token'}`);
  try {
    sessionStorage.setItem(`diary-sort:cmi5-token:${launch.fetch}`, token);
  } catch {
    // No session storage: a reload cannot report (and says so).
  }
  return token;
}

/**
 * Starts the AU: token, launch data, our resume state, initialized. Resolves to {state, scope,
 * report}: the resume string to start the element from (or null: the browser's copy), the scope
 * of that copy (this registration), and `report(element)`, which sends what the element tells
 * and terminates on pagehide. `isResumeString(text)` (async) asks the module whether the stored
 * state is a resume string. Rejects when the LMS's fetch URL or the LRS fails.
 * @param {Launch} launch
 * @param {(key: import('./notices.js').Notice) => void} say
 * @param {(text: string) => Promise<boolean>} isResumeString
 * @returns {Promise<{state: string | null, scope: string, report: (element: DiarySortElement) => void}>}
 */
export async function startCmi5(launch, say, isResumeString) {
  const kept = keptToken(launch);
  const token = kept ?? (await fetchToken(launch));
  const sender = new Sender({ endpoint: launch.endpoint, auth: `Basic ${token}`, onTrouble: () => say('offline') });
  /** @type {(stateId: string) => Promise<any>} the document as JSON, or null when there is none */
  const readState = async (stateId) => {
    const r = await fetch(sender.url(`activities/state?${stateQuery(launch, stateId)}`), { headers: sender.headers() });
    if (r.status === 404) return null;
    if (!r.ok) throw new Error(`State API ${stateId}: HTTP ${r.status}`);
    return r.json();
  };
  const launchData = (await readState('LMS.LaunchData')) ?? {};
  const resume = await readState(RESUME_STATE).catch(() => null);
  const host = {
    actor: launch.actor,
    activityId: launch.activityId,
    registration: launch.registration,
    context: launchData.contextTemplate ?? {},
  };
  const mastery = Number.isFinite(launchData.masteryScore) && launchData.masteryScore >= 0 && launchData.masteryScore <= 1 ? launchData.masteryScore : null;
  const normal = (launchData.launchMode ?? 'Normal') === 'Normal';
  const moveOn = launchData.moveOn ?? 'NotApplicable';
  const object = { objectType: 'Activity', id: launch.activityId };
  const initializedAt = Date.now();
  // A reload of this launch (the token was kept) goes on with the session initialized before.
  if (kept === null) sender.send(statement(host, 'initialized', object, undefined, [CATEGORY]));

  /**
   * Our state document as it is now; written to the State API one write at a time.
   * @type {{state: string | null, sent: import('./xapi.js').Sent}}
   */
  const doc = {
    state: typeof resume?.state === 'string' && (await isResumeString(resume.state)) ? resume.state : null,
    sent: resume?.sent !== null && typeof resume?.sent === 'object' ? resume.sent : {},
  };
  let dirty = false;
  let writing = false;
  /** Writes `doc` to the State API (once more after the write under way, if any). */
  async function writeState() {
    dirty = true;
    if (writing) return;
    writing = true;
    while (dirty) {
      dirty = false;
      const body = JSON.stringify(doc);
      await fetch(sender.url(`activities/state?${stateQuery(launch, RESUME_STATE)}`), { method: 'PUT', headers: sender.headers(), body, keepalive: true }).catch(() => {});
    }
    writing = false;
  }

  /**
   * Sends what `element` tells, and terminates on pagehide.
   * @param {DiarySortElement} element
   */
  function report(element) {
    const sent = sentOnce(launch.registration, launch.activityId, doc.sent, (now) => {
      doc.sent = now;
      writeState();
    });
    let passMark = mastery === null ? 60 : mastery * 100;
    let terminated = false;
    reportAnswers(element, host, sender);
    element.addEventListener('ready', (e) => {
      if (mastery === null && Number.isFinite(e.detail?.passMark)) passMark = e.detail.passMark;
    });
    element.addEventListener('statechange', (e) => {
      if (typeof e.detail?.state !== 'string') return;
      doc.state = e.detail.state;
      writeState();
    });
    element.addEventListener('completed', (e) => {
      const score = e.detail?.score;
      if (!normal || terminated || typeof score !== 'number' || !Number.isFinite(score)) return;
      const duration = isoDuration(Date.now() - initializedAt);
      if (moveOn !== 'Passed' && !sent.has('completed')) {
        sent.add('completed');
        sender.send(statement(host, 'completed', object, { completion: true, duration }, [CATEGORY, MOVE_ON]));
      }
      const verdict = score >= passMark ? 'passed' : 'failed';
      if (moveOn !== 'Completed' && verdictAllowed(sent, verdict)) {
        sent.add(verdict);
        const s = statement(host, verdict, object, { score: scoreOf(score), success: verdict === 'passed', duration }, [CATEGORY, MOVE_ON]);
        if (mastery !== null) s.context.extensions = { .../** @type {import('./xapi.js').JsonObject | undefined} */ (s.context.extensions), [MASTERY_EXTENSION]: mastery };
        sender.send(s);
      }
    });
    window.addEventListener('pagehide', () => {
      if (terminated) return;
      terminated = true;
      sender.send(statement(host, 'terminated', object, { duration: isoDuration(Date.now() - initializedAt) }, [CATEGORY]), true);
      sender.flushNow();
    });
  }

  return { state: doc.state, scope: `cmi5:${launch.registration}`, report };
}
