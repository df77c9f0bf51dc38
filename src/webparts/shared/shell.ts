/**
 * What every web part needs around its UI, loaded by SsmWebPartBase.onInit with a dynamic
 * `import()`: the PnPjs repositories, the providers (AppShell), the Teams theme names, error
 * descriptions and list set-up. Kept out of the web part bundles because it is the same for all
 * four: as a chunk of its own, a page with several of these web parts downloads it once.
 */
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import { getSP } from '../../data/sp';
import { createPnpRepositories } from '../../data/pnpRepositories';
import * as strings from 'SsmStrings';
import type { ProvisioningReport } from '../../data/provisioning';
import { formatString } from '../../components/format';
import type { Repositories } from '../../data/repositories';

export { AppShell } from '../../components/AppShell';
export { describeError } from '../../components/ErrorBar';
export { toTeamsThemeName } from '../../components/themes';

/** The repositories of the site the web part is on. */
export function createRepositories(context: WebPartContext): Repositories {
  return createPnpRepositories(getSP(context));
}

/** Creates or updates the product's lists on the web part's site ("Set up lists"); resolves to what to tell the site owner. */
export async function setUpLists(context: WebPartContext): Promise<string> {
  // Only a site owner runs it, once: the list definitions (and PnPjs' fields and views) load then.
  const { ensureLists } = await import(/* webpackChunkName: 'ssm-provisioning' */ '../../data/provisioning');
  return provisioningSummary(await ensureLists(getSP(context)));
}

/**
 * "The lists are ready.", naming any choices added to a column set up with an older vocabulary
 * and those kept because the schema no longer names them (items may still use them).
 */
export function provisioningSummary(report: ProvisioningReport): string {
  const changes = report.choicesAdded ?? [];
  if (changes.length === 0) return strings.SetUpListsDone;
  const lines = changes.map((c) => {
    const line = formatString(strings.SetUpListsChoiceLine, c.fieldTitle, c.list, c.added.join(', '));
    return c.kept.length === 0 ? line : formatString(strings.SetUpListsChoicesKept, line, c.kept.join(', '));
  });
  return formatString(strings.SetUpListsChoicesAdded, lines.join('; '));
}
