/**
 * Loads the en-gb string resource (an AMD `define` module, as SPFx ships it) for tests,
 * so components are tested with the real UK English strings.
 */
import * as fs from 'fs';
import * as path from 'path';

const source = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'loc', 'en-gb.js'), 'utf8');
let strings: unknown;
// eslint-disable-next-line @typescript-eslint/no-implied-eval, no-new-func -- runs the built AMD loc file with a stub `define`, as SPFx's loader would.
new Function('define', source)((deps: unknown, factory: () => unknown) => {
  strings = factory();
});

module.exports = strings;
