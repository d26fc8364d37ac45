// What the class report costs on a large course: `diary-sort report` on generated xAPI
// statements (scripts/report-statements.mjs, the mini set) read from a file, and read from Ralph
// (a real LRS, started on a free port of 127.0.0.1 and stopped after) with --lrs, page by page.
// Each run is measured by /usr/bin/time -v: wall-clock time, CPU time and peak memory (maximum
// resident set size) of the diary-sort process alone; the LRS's own work shows in the wall clock.
//
//   node scripts/bench-report.mjs [FILE_STATEMENTS] [LRS_STATEMENTS]   default 200000 20000
// (scripts/bench-report builds and sets up first.) Ralph's file back end reads its whole file for
// every page, so tens of thousands of statements take it minutes; its ClickHouse or Elasticsearch
// back ends are what a large course would use.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, serverBinary } from '../tests/browser/harness.mjs';
import { tempDir } from '../tests/browser/lms.mjs';
import { startRalph } from '../tests/browser/ralph.mjs';

const [fileCount, lrsCount] = [Number(process.argv[2] ?? 200_000), Number(process.argv[3] ?? 20_000)];
const binary = serverBinary();
const dir = tempDir('bench-report');

/** Writes `n` generated statements to a file, one a line; returns its path. */
function statements(n) {
  const file = path.join(dir, `statements-${n}.jsonl`);
  const fd = openSync(file, 'w');
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/report-statements.mjs'), String(n), '--lines'], { stdio: ['ignore', fd, 'inherit'] });
  closeSync(fd);
  if (run.status !== 0) throw new Error(`report-statements.mjs ${n} failed`);
  return file;
}

/** Runs `diary-sort report ARGS` under /usr/bin/time -v; returns its figures. */
function measure(args) {
  const run = spawnSync('/usr/bin/time', ['-v', binary, 'report', ...args, '--set', 'tests/fixtures/mini.json', '-o', path.join(dir, 'report.html')], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`diary-sort report failed:\n${run.stdout}${run.stderr}`);
  const field = (name) => run.stderr.split('\n').find((l) => l.trim().startsWith(name))?.split(/:\s+/).at(-1);
  // h:mm:ss or m:ss.ss
  const wall = field('Elapsed (wall clock) time').split(':').map(Number).reduce((t, v) => t * 60 + v, 0);
  return {
    said: run.stdout.trim(),
    wall,
    cpu: Number(field('User time (seconds)')) + Number(field('System time (seconds)')),
    peakMiB: Number(field('Maximum resident set size (kbytes)')) / 1024,
  };
}

const print = (what, r) =>
  console.log(`${what}: ${r.wall.toFixed(1)} s wall clock, ${r.cpu.toFixed(1)} s CPU, ${r.peakMiB.toFixed(1)} MiB peak memory\n  (${r.said})`);

const big = statements(fileCount);
print(`report of ${fileCount.toLocaleString('en')} statements from a file (one a line)`, measure([big]));

const ralph = await startRalph();
try {
  const list = readFileSync(statements(lrsCount), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  const started = Date.now();
  for (let i = 0; i < list.length; i += 1000) {
    const response = await fetch(`${ralph.endpoint}statements`, {
      method: 'POST',
      headers: { Authorization: ralph.auth, 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' },
      body: JSON.stringify(list.slice(i, i + 1000)),
    });
    if (!response.ok) throw new Error(`POST to Ralph: HTTP ${response.status} ${await response.text()}`);
  }
  console.log(`(${list.length.toLocaleString('en')} statements posted to Ralph in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const lrs = ['--lrs', ralph.endpoint, '--user', ralph.user, '--password', ralph.password];
  print(`report --lrs of ${lrsCount.toLocaleString('en')} statements from Ralph (pages of 100)`, measure(lrs));
} finally {
  await ralph.stop();
}
