// The options of `new Widget(host, setText, options)` that www/diary-sort.d.ts declares
// (WidgetOptions) are the options the module reads: the widget is given an options object that
// records every property read from it, and the names it read must be the interface's fields. An
// option the module reads that the types lack (as `browserLanguages` once was), or a field the
// module no longer reads, fails here. (tsc checks the pages' option objects against the same
// interface; see tests/browser/tsconfig.json.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serverAndBrowser, openPage } from './harness.mjs';

const env = serverAndBrowser();

const mini = readFileSync(new URL('../fixtures/mini.json', import.meta.url), 'utf8');

/** The fields of `interface WidgetOptions` in www/diary-sort.d.ts, sorted. */
function declaredOptions() {
  const types = readFileSync(new URL('../../www/diary-sort.d.ts', import.meta.url), 'utf8');
  const body = types.match(/export interface WidgetOptions \{\n([\s\S]*?)\n\}/)?.[1];
  assert.ok(body, 'www/diary-sort.d.ts declares interface WidgetOptions');
  return [...body.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]).sort();
}

test("the module reads exactly the options diary-sort.d.ts declares", async () => {
  const declared = declaredOptions();
  assert.ok(declared.length > 0, 'WidgetOptions has fields');
  const page = await openPage(env.browser, env.server.href('/www/index.html'));
  const read = await page.evaluate(async (text) => {
    const glue = await import(new URL('../pkg/diary_sort.js', window.location.href).href);
    await glue.default();
    const names = new Set();
    const options = new Proxy(
      {},
      {
        get(target, name) {
          if (typeof name === 'string') names.add(name);
          return undefined;
        },
      },
    );
    const host = document.createElement('div');
    document.body.append(host);
    const widget = new glue.Widget(host, text, options);
    const started = host.querySelector('[data-ready="true"], .diary-sort') !== null;
    widget.destroy();
    host.remove();
    return { names: [...names].sort(), started };
  }, mini);
  assert.ok(read.started, 'the widget started from the recording options');
  assert.deepEqual(read.names, declared, 'the options the module read (left) against WidgetOptions in diary-sort.d.ts (right)');
  await page.context().close();
});
