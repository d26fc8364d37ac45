// Smoke test of the self-study page: it loads from `diary-sort serve` under the strict CSP,
// without CSP violations or uncaught errors, and has a level-1 heading.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { cspViolations, launchBrowser, openPage, startServer } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('www/index.html loads under the strict CSP with a level-1 heading', async () => {
  // No wait for the widget: this test is about the page itself.
  const page = await openPage(browser, null);
  try {
    const response = await page.goto(server.href('/www/index.html'), { waitUntil: 'load' });
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
