// Writes N xAPI statements (default 10,000) for the mini set (tests/fixtures/mini.json) to stdout,
// as the module reports them: every student answers each of the four excerpts, with ticked
// criteria and a certainty; a wrong first answer gets a second try. For `scripts/bench`, which
// times `diary-sort report` on them, and scripts/bench-report.mjs. Deterministic (no randomness).
// A JSON list, or with --lines one statement a line (as LRSs export them).
//   node scripts/report-statements.mjs [N] [--lines]
import { readFileSync } from 'node:fs';

const total = Number(process.argv[2] ?? 10000);
const set = JSON.parse(readFileSync(new URL('../tests/fixtures/mini.json', import.meta.url), 'utf8'));
const bins = [...set.categories.map((c) => c.id), set.fallback.id];
// The right bin of each mini excerpt (the validator derives the same from the rules).
const right = { alone: 'loneliness', against: 'atomisation', happy: 'internalisation', friends: 'none' };
const activity = 'https://example.org/diary-sort/mini';
const levels = ['low', 'medium', 'high'];
const statements = [];
let time = Date.UTC(2026, 10, 20, 9);

function answer(student, excerpt, chosen, n) {
  time += 1000;
  statements.push({
    actor: { mbox: `mailto:student${student}@example.org` },
    verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
    object: {
      id: `${activity}/excerpts/${excerpt.id}`,
      definition: { interactionType: 'matching', correctResponsesPattern: [`${excerpt.id}[.]${right[excerpt.id]}`] },
    },
    result: {
      response: `${excerpt.id}[.]${chosen}`,
      success: chosen === right[excerpt.id],
      extensions: {
        'https://w3id.org/xapi/diary-sort/extensions/criteria': excerpt.evidence.slice(0, 1 + (n % 2)).map((e) => e.criterion),
        'https://w3id.org/xapi/diary-sort/extensions/certainty': levels[n % 3],
      },
    },
    context: { registration: `r${student}` },
    timestamp: new Date(time).toISOString(),
  });
}

for (let student = 0; statements.length < total; student += 1) {
  for (const [e, excerpt] of set.excerpts.entries()) {
    if (statements.length >= total) break;
    const n = student * 7 + e;
    const wrong = n % 5 === 0;
    const chosen = wrong ? bins[(bins.indexOf(right[excerpt.id]) + 1) % bins.length] : right[excerpt.id];
    answer(student, excerpt, chosen, n);
    if (wrong && statements.length < total) answer(student, excerpt, right[excerpt.id], n + 1);
  }
}
const lines = process.argv[3] === '--lines';
process.stdout.write(lines ? `${statements.map((s) => JSON.stringify(s)).join('\n')}\n` : `${JSON.stringify(statements)}\n`);
