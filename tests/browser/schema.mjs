// Checks the shipped JSON Schema with Ajv, an independent validator of JSON Schema 2020-12, as
// an editor would use it; run by the tool's test cli/tests/cli/schema_fmt.rs (`node tests/browser/schema.mjs`).
//   - the schema is valid 2020-12 (Ajv's strict mode also refuses unknown keywords);
//   - every `examples` entry validates against the schema it stands in;
//   - every set in www/sets/ validates, and the same set with an unknown field or `tries` out of
//     range does not (so the check is not vacuous).
// Prints one line per check and exits with status 1 when any fails.
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const www = new URL('../../www/', import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, www), 'utf8'));
const KEY = 'set.schema.json';
const schema = read('schema/set.schema.json');

const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(schema, KEY);
const validateSet = ajv.getSchema(KEY);

let failed = 0;
const report = (ok, what, errors) => {
  if (!ok) failed += 1;
  console.log(`${ok ? 'ok' : 'FAILED'}: ${what}${ok ? '' : `\n${JSON.stringify(errors, null, 2)}`}`);
};

// Every subschema with examples, by its JSON pointer.
const withExamples = [];
(function find(node, pointer) {
  if (node === null || typeof node !== 'object') return;
  if (!Array.isArray(node) && Array.isArray(node.examples)) withExamples.push(pointer);
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'examples') find(value, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
  }
})(schema, '');
for (const pointer of withExamples) {
  const validate = ajv.getSchema(`${KEY}#${pointer}`);
  const at = pointer.split('/').reduce((node, key) => (key ? node[key.replaceAll('~1', '/').replaceAll('~0', '~')] : node), schema);
  at.examples.forEach((example, i) => report(validate(example), `example ${i} of ${pointer || '/'}`, validate.errors));
}
console.log(`${withExamples.length} subschemas with examples`);

const sets = readdirSync(new URL('sets/', www)).filter((name) => name.endsWith('.json'));
for (const name of sets) {
  const set = read(`sets/${name}`);
  report(validateSet(set), `www/sets/${name} is valid`, validateSet.errors);
  report(!validateSet({ ...set, titel: set.title }), `www/sets/${name} with an unknown field is not`, null);
  report(!validateSet({ ...set, settings: { ...set.settings, tries: 12 } }), `www/sets/${name} with 12 tries is not`, null);
}
console.log(`${sets.length} sets; ${failed} failed`);
process.exit(failed ? 1 : 0);
