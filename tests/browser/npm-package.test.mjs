// pkg/ as an npm package (written by scripts/build): package.json names the version of
// Cargo.toml, every entry of its exports is a file `npm pack` includes, and the element as the
// package ships it (pkg/diary-sort.js, the paths of its glue and styles rewritten for pkg/'s flat layout) runs
// an exercise in a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, serverAndBrowser, openPage, READY } from './harness.mjs';

const env = serverAndBrowser();
const pkg = path.join(repoRoot, 'pkg');

test('package.json: version from Cargo.toml, exports and types that npm pack ships', () => {
  const manifest = JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8'));
  const cargo = readFileSync(path.join(repoRoot, 'Cargo.toml'), 'utf8');
  assert.equal(manifest.version, /^version = "(.*)"$/m.exec(cargo)[1]);
  const pack = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: pkg, encoding: 'utf8' });
  assert.equal(pack.status, 0, pack.stderr);
  const shipped = new Set(JSON.parse(pack.stdout)[0].files.map((f) => f.path));
  const targets = [manifest.module, manifest.types];
  for (const entry of Object.values(manifest.exports)) {
    if (typeof entry === 'string') {
      if (!entry.includes('*')) targets.push(entry);
    } else targets.push(entry.types, entry.default);
  }
  for (const target of targets) assert.ok(shipped.has(target.replace(/^\.\//, '')), `${target} is in the package`);
  for (const file of ['diary_sort_bg.wasm', 'widget.css', 'lms/scorm.js', 'lms/xapi.js', 'lms/cmi5.js']) {
    assert.ok(shipped.has(file), `${file} is in the package`);
  }
});

test('the packaged element runs an exercise', async () => {
  // index.html mounts its own exercise with the Widget; no <diary-sort> is defined there.
  const page = await openPage(env.browser, env.server.href('/www/index.html'));
  const detail = await page.evaluate(async () => {
    if (customElements.get('diary-sort')) throw new Error('the element is defined already');
    await import('/pkg/diary-sort.js');
    const element = document.createElement('diary-sort');
    element.setAttribute('src', '/www/sets/snijders-en.json');
    element.setAttribute('storage', 'off');
    const ready = new Promise((resolve) => element.addEventListener('ready', (e) => resolve(e.detail)));
    document.body.append(element);
    return ready;
  });
  assert.equal(detail.setId, 'snijders-atomisation-en');
  assert.equal(await page.locator(`diary-sort ${READY}`).count(), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
