/**
 * What every web part needs around its UI, loaded by SsmWebPartBase.onInit with a dynamic
 * `import()`: the PnPjs repositories, the providers (AppShell), the Teams theme names, error
 * descriptions and list set-up. Kept out of the web part bundles because it is the same for all
 * four: as a chunk of its own, a page with several of these web parts downloads it once.
 */
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import { getSP } from '../../data/sp';
import { createPnpRepositories } from '../../data/pnpRepositories';
import type { Repositories } from '../../data/repositories';

export { AppShell } from '../../components/AppShell';
export { describeError } from '../../components/ErrorBar';
export { toTeamsThemeName } from '../../components/themes';

/** The repositories of the site the web part is on. */
export function createRepositories(context: WebPartContext): Repositories {
  return createPnpRepositories(getSP(context));
}

/** Creates or updates the product's lists on the web part's site ("Set up lists"). */
export async function setUpLists(context: WebPartContext): Promise<void> {
  // Only a site owner runs it, once: the list definitions (and PnPjs' fields and views) load then.
  const { ensureLists } = await import(/* webpackChunkName: 'ssm-provisioning' */ '../../data/provisioning');
  await ensureLists(getSP(context));
}
