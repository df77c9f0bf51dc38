/**
 * Writes sharepoint/site-script/site-script.json from SCHEMA. Run from the repository root:
 *
 *   ./node_modules/.bin/node local/scripts/run-ts.mjs local/scripts/generate-site-script.ts
 *
 * With `--check` it writes nothing and exits with status 1 when the committed file differs
 * from a fresh generation (the jest test test/data/siteScript.test.ts checks the same).
 */
import * as fs from 'fs';
import * as path from 'path';
import { SCHEMA } from '../../src/data/schema';
import { SITE_SCRIPT_LIMITS, buildSiteScript, countActions, serialiseSiteScript } from '../../src/data/siteScript';

/** Path of the generated file relative to the repository root. */
export const SITE_SCRIPT_PATH = path.join('sharepoint', 'site-script', 'site-script.json');

function repositoryRoot(): string {
  const root = process.cwd();
  if (!fs.existsSync(path.join(root, 'package.json')) || !fs.existsSync(path.join(root, 'src', 'data', 'schema.ts'))) {
    throw new Error(`Run this script from the repository root (no package.json and src/data/schema.ts in ${root}).`);
  }
  return root;
}

function main(argv: readonly string[]): number {
  const target = path.join(repositoryRoot(), SITE_SCRIPT_PATH);
  const script = buildSiteScript(SCHEMA);
  const content = serialiseSiteScript(script);
  const actions = countActions(script);
  if (actions > SITE_SCRIPT_LIMITS.maxActions || content.length > SITE_SCRIPT_LIMITS.maxCharacters) {
    console.error(
      `The site script has ${actions} actions and ${content.length} characters; SharePoint allows ` +
        `${SITE_SCRIPT_LIMITS.maxActions} actions and ${SITE_SCRIPT_LIMITS.maxCharacters} characters. Split it into several scripts.`
    );
    return 1;
  }
  if (argv.indexOf('--check') >= 0) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current !== content) {
      console.error(`${SITE_SCRIPT_PATH} is out of date: run local/scripts/generate-site-script.ts and commit the result.`);
      return 1;
    }
    console.log(`${SITE_SCRIPT_PATH} is up to date (${actions} actions, ${content.length} characters).`);
    return 0;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, content, 'utf8');
  console.log(`Wrote ${SITE_SCRIPT_PATH}: ${script.actions.length} lists, ${actions} actions, ${content.length} characters.`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
