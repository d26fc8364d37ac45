// Smoke test of the self-study page: it loads from `diary-sort serve` under the strict CSP,
// without CSP violations or uncaught errors, and has a level-1 heading.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cspViolations, openPage, serverAndBrowser } from './harness.mjs';

const env = serverAndBrowser();

test('www/index.html loads under the strict CSP with a level-1 heading', async () => {
  // No wait for the widget: this test is about the page itself.
  const page = await openPage(env.browser, null);
  try {
    const response = await page.goto(env.server.href('/www/index.html'), { waitUntil: 'load' });
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self' 'wasm-unsafe-eval'/);
    // Let the module scripts fetch and start the wasm, so their failures show too.
    await page.waitForLoadState('networkidle');

    assert.deepEqual(await cspViolations(page), [], 'CSP violations');
    assert.deepEqual(page.errors, [], 'uncaught page errors');
    const h1 = page.getByRole('heading', { level: 1 });
    assert.ok((await h1.count()) >= 1, 'no level-1 heading');
    assert.notEqual((await h1.first().innerText()).trim(), '', 'empty level-1 heading');
    if (page.consoleErrors.length || page.failedRequests.length) {
      // Not failures by themselves (a test may provoke them), but worth seeing.
      console.log('console errors:', page.consoleErrors, 'failed requests:', page.failedRequests);
    }
  } finally {
    await page.context().close();
  }
});
