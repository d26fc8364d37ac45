// Every statement checked with Learning Locker's validator (@learninglocker/xapi-validation):
// its list of problems, errors and warnings alike, must be empty.
import assert from 'node:assert/strict';
import validation from '@learninglocker/xapi-validation';

const validate = validation.default ?? validation;

/** Asserts that each statement has no error and no warning. */
export function assertValidStatements(statements) {
  assert.ok(statements.length > 0, 'statements to check');
  for (const s of statements) {
    const problems = validate(s).map((w) => `${w.constructor.name} at ${(w.path ?? []).join('.')}`);
    assert.deepEqual(problems, [], `${s.verb?.id}: ${JSON.stringify(s)}`);
  }
}
