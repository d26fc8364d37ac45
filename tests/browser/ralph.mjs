// Ralph, a real Learning Record Store, for the tests and the benchmark: started on a free port of
// 127.0.0.1 with its file back end in a fresh directory, one user (Basic auth) made with
// `ralph auth`, stopped by stop(). Ralph lives in the virtual environment scripts/setup makes
// ($RALPH_VENV, default target/ralph-venv); it is run through scripts/ralph-lrs.py, which says why
// `ralph runserver` is not enough. Also: reading every statement back (GET /xAPI/statements,
// following `more`).
//
// Environment: RALPH_VENV  the virtual environment with ralph-malph (default target/ralph-venv)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot, stopper } from './harness.mjs';
import { tempDir } from './lms.mjs';

/** The virtual environment's bin directory. */
function venvBin() {
  const venv = process.env.RALPH_VENV ? path.resolve(repoRoot, process.env.RALPH_VENV) : path.join(repoRoot, 'target', 'ralph-venv');
  const bin = path.join(venv, 'bin');
  if (!existsSync(path.join(bin, 'ralph'))) throw new Error(`Ralph is not installed in ${venv}: run scripts/setup`);
  return bin;
}

/**
 * Starts Ralph. `corsOrigins`: origins whose pages may send statements to it from the browser;
 * `pageSize`: the most statements a page of GET /xAPI/statements holds (Ralph's default is 100).
 * Resolves to {origin, endpoint, user, password, auth, statements(), stop()}: `endpoint` is the
 * xAPI base (…/xAPI/), `auth` the Authorization header value.
 */
export async function startRalph({ corsOrigins = [], pageSize = 100, timeoutMs = 90_000 } = {}) {
  const bin = venvBin();
  const dir = tempDir('ralph');
  const env = {
    ...process.env,
    RALPH_APP_DIR: path.join(dir, 'app'),
    RALPH_RUNSERVER_BACKEND: 'fs',
    RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH: path.join(dir, 'lrs'),
    RALPH_RUNSERVER_CORS_ALLOW_ORIGINS: JSON.stringify(corsOrigins),
    RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT: String(pageSize),
  };
  mkdirSync(env.RALPH_APP_DIR);
  const [user, password] = ['teacher', 'lrs-secret'];
  const made = spawnSync(path.join(bin, 'ralph'), ['auth', '-u', user, '-p', password, '-s', 'all', '-M', 'mailto:teacher@example.org', '-w'], {
    env,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  if (made.status !== 0) throw new Error(`ralph auth failed (${made.status ?? made.error}): ${made.stderr}`);

  const child = spawn(path.join(bin, 'python'), [path.join(repoRoot, 'scripts', 'ralph-lrs.py'), '0'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const lines = createInterface({ input: child.stderr });
  const origin = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Ralph did not start within ${timeoutMs} ms:\n${log}`));
    }, timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Ralph exited early (${code ?? signal}):\n${log}`));
    });
    lines.on('line', (line) => {
      log = `${log}${line}\n`.slice(-20_000);
      const m = /Uvicorn running on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  child.removeAllListeners('exit');
  const stop = stopper(child);
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  return {
    origin,
    endpoint: `${origin}/xAPI/`,
    user,
    password,
    auth,
    statements: (query = '') => readStatements(origin, auth, query),
    /** Stops Ralph and removes its directory (its statements and credentials). */
    stop: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Every statement the LRS at `origin` holds (matching `query`, e.g. `registration=…`), page by page
 * through GET /xAPI/statements and its `more` links. Resolves to {statements, pages}.
 */
export async function readStatements(origin, auth, query = '') {
  const statements = [];
  let pages = 0;
  let next = `/xAPI/statements${query ? `?${query}` : ''}`;
  while (next) {
    const response = await fetch(new URL(next, origin), { headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3' } });
    if (!response.ok) throw new Error(`GET ${next}: HTTP ${response.status} ${await response.text()}`);
    const page = await response.json();
    statements.push(...page.statements);
    pages += 1;
    next = page.more || null;
  }
  return { statements, pages };
}
