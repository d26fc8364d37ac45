// @ts-check
// The exercise in a SCORM 1.2 or 2004 course: finds the LMS's API as the standards describe and
// reports what the <diary-sort> element tells (its ready, answered, completed and statechange
// events) through it. No wasm here: the element knows nothing of SCORM.
//
// - Discovery: the window's parents, up to 500 (2004, `API_1484_11`) or 7 (1.2, `API`) levels,
//   then the same from `window.opener` and from `window.top.opener`; only the package's own
//   version's API (course.html?scorm=1.2 or 2004, as its manifest launches it), else 2004 first.
//   A window of another origin on the way is stepped over.
// - Initialize, then read the status (a finished attempt is never completed again: no second
//   completion after a resume), the mastery score the LMS sends (1.2 `cmi.student_data.mastery_score`,
//   2004 `cmi.scaled_passing_score`; else the set's pass mark), the entry, the learner's id and
//   the suspend data. The LMS's data is the truth: a new attempt (1.2 `cmi.core.entry`
//   `ab-initio`; 2004 any `cmi.entry` but `resume`) starts afresh, whatever the browser holds;
//   a resumed one starts from the suspend data when the module says it is a resume string
//   (isResumeString: this file never parses one), else from the browser's copy of this
//   learner's attempt (the element's storage is scoped to the learner: `storage-scope`). Every
//   value read is checked: garbage counts as not sent.
// - Suspend data = the element's resume string (both modes and the tab), at every change. SCORM
//   1.2 holds at most 4,096 characters: a longer state (a set of more than about 1,300 excerpts)
//   is not sent, the suspend data is cleared, and the student is told that the course keeps only
//   the score (the browser keeps the attempt). 2004's limit is 64,000.
// - Interactions: in 2004 one per excerpt or question (`cmi.interactions.n`, found again by its id
//   on a relaunch), updated at every check that judges it; in 1.2, whose interactions cannot be
//   read back, a record per judgement, all with the excerpt's id (a journal, as 1.2 LMSs keep
//   them). Type matching (`excerpt.bin`, 2004 `excerpt[.]bin`) or choice (`a,c`, 2004 `a[,]c`),
//   result, correct response pattern, latency (since the previous check) and time.
// - Score raw/min/max (0–100; 2004 also scaled 0–1), 1.2 lesson_status passed|failed (incomplete
//   until then), 2004 completion_status completed + success_status passed|failed; exit "suspend"
//   while unfinished, then "" (1.2) or "normal" (2004); session time on leaving.
// - Commit after each check and on completion, within COMMIT_AFTER_MS of any other change (moves
//   must not wait for the unload, where browsers block synchronous requests), and on pagehide
//   (then Finish/Terminate). A Commit that fails, or a suspend data, score, status or exit that the
//   LMS refuses, is tried again after 1, 2, 4 … 30 s; meanwhile the student is told nothing is
//   lost (the element keeps its attempt in localStorage as well) and, once a retry succeeds, that
//   it is saved.

import { Backoff } from './backoff.js';
import { interactionOf, responseText, SCORM12, DELIMITED } from './interaction.js';

/** SCORM 1.2's cmi.suspend_data is a CMIString4096. */
export const SUSPEND_LIMIT_12 = 4096;
/** SCORM 2004's cmi.suspend_data holds characterstring SPM 64,000. */
const SUSPEND_LIMIT_2004 = 64000;
/** The first wait before a failed Commit is tried again, and the longest. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30000;
/** How long after a change (a move, a tab) the LMS gets a Commit at the latest. */
export const COMMIT_AFTER_MS = 3000;

/** @typedef {'1.2' | '2004'} Version */
/** @typedef {{init: string, get: string, set: string, commit: string, finish: string}} Calls the API's function names */
/** @typedef {Record<string, (...args: string[]) => unknown>} ScormApi the LMS's API object */
/** @typedef {{version: Version, api: ScormApi, calls: Calls}} FoundApi */
/** @typedef {import('../diary-sort.js').DiarySortElement} DiarySortElement */

/** @type {{version: Version, name: string, maxParents: number, calls: Calls}[]} */
const VERSIONS = [
  {
    version: '2004',
    name: 'API_1484_11',
    maxParents: 500,
    calls: { init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate' },
  },
  {
    version: '1.2',
    name: 'API',
    maxParents: 7,
    calls: { init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish' },
  },
];

/**
 * The API object named `name` in `win` or one of its parents (at most `maxParents` up), or null.
 * @param {Window} win
 * @param {{name: string, maxParents: number, calls: Calls}} version
 * @returns {ScormApi | null}
 */
function searchParents(win, { name, maxParents, calls }) {
  for (let level = 0; win && level <= maxParents; level += 1) {
    try {
      const api = /** @type {ScormApi | undefined} */ (Reflect.get(win, name));
      if (api && typeof api[calls.init] === 'function') return api;
    } catch {
      // A window of another origin: look further up.
    }
    let parent = null;
    try {
      parent = win.parent;
    } catch {
      parent = null;
    }
    if (!parent || parent === win) return null;
    win = parent;
  }
  return null;
}

/**
 * The opener of `win` and of its top window, where they exist and can be read.
 * @param {Window} win
 * @returns {Window[]}
 */
function openers(win) {
  /** @type {Window[]} */
  const found = [];
  for (const read of [() => win.opener, () => win.top?.opener]) {
    try {
      const opener = read();
      if (opener && !found.includes(opener)) found.push(opener);
    } catch {
      // Not readable: not a place to look.
    }
  }
  return found;
}

/**
 * The LMS's API as {version: '2004' | '1.2', api, calls}, or null when there is none. A package
 * that knows its version ('1.2' or '2004') looks for that API only: an LMS page may offer both.
 * @param {Window} [win]
 * @param {Version | null} [version]
 * @returns {FoundApi | null}
 */
export function findApi(win = window, version = null) {
  for (const v of VERSIONS.filter((v) => version === null || v.version === version)) {
    for (const start of [win, ...openers(win)]) {
      const api = searchParents(start, v);
      if (api) return { version: v.version, api, calls: v.calls };
    }
  }
  return null;
}

/**
 * A number from an LMS's text, or null when it is not one within [min, max].
 * @param {unknown} text
 * @param {number} min
 * @param {number} max
 * @returns {number | null}
 */
function numberIn(text, min, max) {
  if (typeof text !== 'string' || text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) && n >= min && n <= max ? n : null;
}

/** @type {(n: number, width?: number) => string} */
const pad = (n, width = 2) => String(Math.floor(n)).padStart(width, '0');

/**
 * A duration as SCORM 1.2's CMITimespan, HHHH:MM:SS.SS.
 * @param {number} ms
 * @returns {string}
 */
function timespan12(ms) {
  const s = Math.max(0, ms) / 1000;
  const hours = Math.min(9999, Math.floor(s / 3600));
  return `${pad(hours, 4)}:${pad((s % 3600) / 60)}:${(s % 60).toFixed(2).padStart(5, '0')}`;
}

/**
 * A duration as an ISO 8601 time interval, PT#H#M#S (SCORM 2004's timeinterval, xAPI's duration).
 * @param {number} ms
 * @returns {string}
 */
export function isoDuration(ms) {
  const s = Math.max(0, ms) / 1000;
  return `PT${Math.floor(s / 3600)}H${Math.floor((s % 3600) / 60)}M${(s % 60).toFixed(2)}S`;
}

/**
 * The time of day as SCORM 1.2's CMITime, HH:MM:SS.
 * @type {(date: Date) => string}
 */
const time12 = (date) => `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;

/**
 * A moment as SCORM 2004's time (second, 10, 0) in local time: YYYY-MM-DDThh:mm:ss.
 * @type {(date: Date) => string}
 */
const time2004 = (date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${time12(date)}`;

/**
 * @typedef {object} Model
 * @property {number} suspendLimit the longest cmi.suspend_data
 * @property {import('./interaction.js').Separators} separators a response's
 * @property {(correct: boolean) => string} result an interaction's result
 * @property {string} response the interaction's element for the learner's response
 * @property {(n: number, date: Date) => [string, string]} time interaction `n`'s time: element and value
 * @property {(ms: number) => string} latency a duration as the version's type
 * @property {string} exit the exit element
 * @property {[string, (ms: number) => string]} sessionTime the session time's element and format
 */

/**
 * What differs between the versions, by element.
 * @type {Record<Version, Model>}
 */
const MODEL = {
  '1.2': {
    suspendLimit: SUSPEND_LIMIT_12,
    separators: SCORM12,
    result: (correct) => (correct ? 'correct' : 'wrong'),
    response: 'student_response',
    time: (n, date) => [`cmi.interactions.${n}.time`, time12(date)],
    latency: timespan12,
    exit: 'cmi.core.exit',
    sessionTime: ['cmi.core.session_time', timespan12],
  },
  2004: {
    suspendLimit: SUSPEND_LIMIT_2004,
    separators: DELIMITED,
    result: (correct) => (correct ? 'correct' : 'incorrect'),
    response: 'learner_response',
    time: (n, date) => [`cmi.interactions.${n}.timestamp`, time2004(date)],
    latency: isoDuration,
    exit: 'cmi.exit',
    sessionTime: ['cmi.session_time', isoDuration],
  },
};

/** The longest learner response and pattern SCORM 1.2 keeps (CMIFeedback). */
const RESPONSE_LIMIT_12 = 255;

/** One SCO session: Initialize when started, Finish/Terminate on pagehide. */
export class ScormBridge {
  /** @type {ScormApi} */
  #api;
  /** @type {Calls} */
  #calls;
  /** @type {Version} */
  #version;
  /** @type {Model} */
  #model;
  /** @type {(key: import('./notices.js').Notice) => void} */
  #say;
  #started = Date.now();
  /** The last check's time (the latency of the next one is measured from it). */
  #lastCheckAt = Date.now();
  #check = 0;
  /** Milliseconds from the check before to the one being reported. */
  #latency = 0;
  #count = 0;
  /**
   * 2004: an excerpt's or question's interaction index.
   * @type {Map<string, number>}
   */
  #indexOf = new Map();
  /** The attempt was completed in this SCO, now or in an earlier session. */
  #done = false;
  /**
   * The LMS's mastery score in percent, or null.
   * @type {number | null}
   */
  #mastery = null;
  #passMark = 60;
  #judged = false;
  #tooLong = false;
  #failing = false;
  /** @type {number | null} */
  #retry = null;
  #backoff = new Backoff(RETRY_FIRST_MS, RETRY_MAX_MS);
  /**
   * The Commit due after a change.
   * @type {number | null}
   */
  #soon = null;
  /**
   * Values the LMS refused (element → value), set again before each Commit.
   * @type {Map<string, string>}
   */
  #pending = new Map();
  #finished = false;
  /** @type {(text: string) => Promise<boolean>} */
  #isResumeString;

  /**
   * `found` from findApi; `say(key)` tells the student (see notices.js); `isResumeString(text)`
   * (async) asks the module whether the suspend data is a resume string.
   * @param {FoundApi} found
   * @param {(key: import('./notices.js').Notice) => void} say
   * @param {(text: string) => Promise<boolean>} isResumeString
   */
  constructor(found, say, isResumeString) {
    this.#api = found.api;
    this.#calls = found.calls;
    this.#version = found.version;
    this.#model = MODEL[found.version];
    this.#say = say;
    this.#isResumeString = isResumeString;
  }

  /**
   * Which SCORM this is: '1.2' or '2004'.
   * @returns {Version}
   */
  get version() {
    return this.#version;
  }

  /**
   * Calls the API; its answer as a string ('' for nothing, or when it throws).
   * @param {keyof Calls} which
   * @param {string[]} args
   * @returns {string}
   */
  #call(which, ...args) {
    try {
      const answer = this.#api[this.#calls[which]](...args);
      return answer === undefined || answer === null ? '' : String(answer);
    } catch {
      return '';
    }
  }

  /**
   * The LMS's value of `element` ('' when it has none).
   * @param {string} element
   */
  #get(element) {
    return this.#call('get', element);
  }

  /**
   * Sets `element` to `value`: whether the LMS took it.
   * @param {string} element
   * @param {string | number} value
   */
  #set(element, value) {
    return this.#call('set', element, String(value)) === 'true';
  }

  /**
   * Sets what the LMS must keep (suspend data, score, status, exit): a refusal is tried again.
   * @param {string} element
   * @param {string | number} value
   */
  #keep(element, value) {
    this.#pending.delete(element);
    if (this.#set(element, value)) return;
    this.#pending.set(element, String(value));
    this.#trouble('rejected');
    this.#commitSoon();
  }

  /**
   * Tells the student once, until it is saved again, that the LMS does not have everything.
   * @param {import('./notices.js').Notice} key
   */
  #trouble(key) {
    if (this.#failing) return;
    this.#failing = true;
    this.#say(key);
  }

  /**
   * Initializes the session and reads what the LMS kept. Resolves to false when the LMS refuses
   * to start, else to {state, scope}: the resume string to start from ('' for a new attempt, null
   * to take the browser's copy of this learner's attempt) and the scope of that copy.
   * @returns {Promise<false | {state: string | null, scope: string}>}
   */
  async start() {
    if (this.#call('init', '') !== 'true') return false;
    const v12 = this.#version === '1.2';
    if (v12) {
      const status = this.#get('cmi.core.lesson_status');
      this.#done = ['passed', 'failed', 'completed'].includes(status);
      this.#mastery = numberIn(this.#get('cmi.student_data.mastery_score'), 0, 100);
      if (!this.#done) this.#set('cmi.core.lesson_status', 'incomplete');
    } else {
      this.#done = this.#get('cmi.completion_status') === 'completed';
      const scaled = numberIn(this.#get('cmi.scaled_passing_score'), 0, 1);
      this.#mastery = scaled === null ? null : scaled * 100;
      if (!this.#done) this.#set('cmi.completion_status', 'incomplete');
    }
    if (!this.#done) this.#set(this.#model.exit, 'suspend');
    this.#count = numberIn(this.#get('cmi.interactions._count'), 0, Number.MAX_SAFE_INTEGER) ?? 0;
    if (!v12) {
      for (let n = 0; n < this.#count; n += 1) {
        const id = this.#get(`cmi.interactions.${n}.id`);
        if (id) this.#indexOf.set(id, n);
      }
    }
    this.#commit();
    const entry = this.#get(v12 ? 'cmi.core.entry' : 'cmi.entry');
    const learner = this.#get(v12 ? 'cmi.core.student_id' : 'cmi.learner_id');
    const scope = `scorm:${learner}`;
    // 1.2 says `resume` or '' (a relaunch of the same attempt after a normal exit); 2004 starts
    // a new attempt after a normal exit.
    if (v12 ? entry === 'ab-initio' : entry !== 'resume') return { state: '', scope };
    const suspended = this.#get('cmi.suspend_data');
    return { state: (await this.#isResumeString(suspended)) ? suspended : null, scope };
  }

  /**
   * Reports what `element` tells from now on, and ends the session when the page goes.
   * @param {DiarySortElement} element
   */
  attach(element) {
    element.addEventListener('ready', (e) => {
      const passMark = numberIn(String(e.detail?.passMark), 0, 100);
      this.#passMark = this.#mastery ?? passMark ?? this.#passMark;
      this.#lastCheckAt = Date.now();
      this.#suspend(e.detail?.state);
      this.#commitSoon();
    });
    element.addEventListener('statechange', (e) => {
      this.#suspend(e.detail?.state);
      if (this.#judged) {
        this.#judged = false;
        this.#commit();
      } else {
        this.#commitSoon();
      }
    });
    element.addEventListener('answered', (e) => this.#answered(e.detail));
    element.addEventListener('completed', (e) => this.#completed(e.detail));
    window.addEventListener('pagehide', () => this.finish());
  }

  /**
   * Keeps the resume string `state` as the suspend data, or none when it is too long.
   * @param {unknown} state
   */
  #suspend(state) {
    if (typeof state !== 'string') return;
    if (state.length <= this.#model.suspendLimit) {
      this.#keep('cmi.suspend_data', state);
      return;
    }
    // Too long for the LMS: an older, shorter state must not be resumed instead.
    this.#keep('cmi.suspend_data', '');
    if (!this.#tooLong) {
      this.#tooLong = true;
      this.#say('scoreOnly');
    }
  }

  /**
   * Records an `answered` event's detail as an interaction.
   * @param {unknown} detail
   */
  #answered(detail) {
    const it = interactionOf(detail);
    if (!it) return;
    const now = Date.now();
    if (it.check !== this.#check) {
      this.#check = it.check;
      this.#latency = now - this.#lastCheckAt;
      this.#lastCheckAt = now;
    }
    this.#judged = true;
    const model = this.#model;
    const v12 = this.#version === '1.2';
    const known = v12 ? undefined : this.#indexOf.get(it.id);
    const fresh = known === undefined;
    const n = known ?? this.#count;
    if (fresh) {
      if (!this.#set(`cmi.interactions.${n}.id`, it.id)) return;
      this.#count += 1;
      if (!v12) this.#indexOf.set(it.id, n);
      this.#set(`cmi.interactions.${n}.type`, it.type);
    }
    /** @type {(text: string) => boolean} */
    const fits = (text) => !v12 || text.length <= RESPONSE_LIMIT_12;
    const response = responseText(it.response, model.separators);
    if (fits(response)) this.#set(`cmi.interactions.${n}.${model.response}`, response);
    this.#set(`cmi.interactions.${n}.result`, model.result(it.correct));
    const pattern = responseText(it.pattern, model.separators);
    if (fresh && it.pattern.length > 0 && fits(pattern)) {
      this.#set(`cmi.interactions.${n}.correct_responses.0.pattern`, pattern);
    }
    this.#set(`cmi.interactions.${n}.latency`, model.latency(this.#latency));
    this.#set(...model.time(n, new Date(now)));
  }


  /**
   * Records the score and status of a `completed` event's detail, once per attempt.
   * @param {import('../diary-sort.js').CompletedDetail | undefined} detail
   */
  #completed(detail) {
    const score = numberIn(String(detail?.score), 0, 100);
    if (this.#done || score === null) return;
    this.#done = true;
    const passed = score >= this.#passMark;
    const v12 = this.#version === '1.2';
    const prefix = v12 ? 'cmi.core.score' : 'cmi.score';
    this.#keep(`${prefix}.min`, 0);
    this.#keep(`${prefix}.max`, 100);
    this.#keep(`${prefix}.raw`, score);
    if (v12) {
      this.#keep('cmi.core.lesson_status', passed ? 'passed' : 'failed');
    } else {
      this.#keep('cmi.score.scaled', score / 100);
      this.#keep('cmi.completion_status', 'completed');
      this.#keep('cmi.success_status', passed ? 'passed' : 'failed');
    }
    this.#keep(this.#model.exit, v12 ? '' : 'normal');
    this.#commit();
  }

  /** A Commit within COMMIT_AFTER_MS, unless one is already due. */
  #commitSoon() {
    if (this.#soon !== null || this.#retry !== null || this.#finished) return;
    this.#soon = setTimeout(() => this.#commit(), COMMIT_AFTER_MS);
  }

  /** Sets again what the LMS refused; the elements it still refuses stay pending. */
  #setPending() {
    for (const [element, value] of this.#pending) {
      if (this.#set(element, value)) this.#pending.delete(element);
    }
  }

  /** Commits; a failure, or a value still refused, is tried again later (see the top of this file). */
  #commit() {
    clearTimeout(this.#soon ?? undefined);
    this.#soon = null;
    if (this.#retry !== null || this.#finished) return;
    this.#setPending();
    const committed = this.#call('commit', '') === 'true';
    if (committed && this.#pending.size === 0) {
      this.#backoff.reset();
      if (this.#failing) {
        this.#failing = false;
        this.#say('saved');
      }
      return;
    }
    this.#trouble(committed ? 'rejected' : 'retrying');
    this.#retry = setTimeout(() => {
      this.#retry = null;
      this.#commit();
    }, this.#backoff.next());
  }

  /** Ends the session: session time, a last Commit, Finish/Terminate. Once. */
  finish() {
    if (this.#finished) return;
    const [element, format] = this.#model.sessionTime;
    this.#set(element, format(Date.now() - this.#started));
    clearTimeout(this.#retry ?? undefined);
    clearTimeout(this.#soon ?? undefined);
    this.#retry = null;
    this.#soon = null;
    this.#setPending();
    this.#call('commit', '');
    this.#finished = true;
    this.#call('finish', '');
  }
}
