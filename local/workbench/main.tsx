/**
 * Entry point of the local workbench page (built by local/scripts/build-workbench.mjs, served by
 * the local host at /). Mounts the web parts' root components against the local host's site.
 */
// Fluent UI's settings (fabricConfig.ts) are a script of their own that index.html runs first.
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { initializeIcons } from '@fluentui/react';
import { manifests } from 'ssm-workbench-manifests';
import { personas, sampleData } from '../sample-data';
import { parseRoute } from './route';
import { currentPersona, IWorkbenchPersona, PERSONA_COOKIE, personaCookie, readCookie, resolvePersonas } from './persona';
import { connect, IPageContextInfo, siteUrl } from './connect';
import { preloadRoots } from './webparts';
import { clockOnDay } from '../../src/components/clock';
import { Connection, Workbench } from './Workbench';

function switchPersona(persona: IWorkbenchPersona): void {
  document.cookie = personaCookie(persona.user);
  // Reload so every request, and every component's state, starts afresh as the new user.
  window.location.reload();
}

async function start(): Promise<void> {
  initializeIcons(new URL('fonts/', document.baseURI).href);
  const route = parseRoute(window.location.search, manifests.map((m) => m.name));
  preloadRoots(route.webParts);
  const people = resolvePersonas(personas, sampleData.users);
  const persona = currentPersona(people, readCookie(document.cookie, PERSONA_COOKIE), sampleData.users);
  const clock = route.today ? clockOnDay(route.today) : undefined;
  document.body.classList.add(route.host === 'teams' ? `wb-teams-${route.teamsTheme ?? 'default'}` : 'wb-sharepoint');

  const context = (window as unknown as { _spPageContextInfo?: IPageContextInfo })._spPageContextInfo;
  const webUrl = siteUrl(window.location.origin, context);
  let connection: Connection;
  try {
    connection = { repositories: await connect(webUrl, context, window.fetch.bind(window)) };
  } catch (error) {
    // Shown on the page: the web parts cannot load without the host.
    connection = { error };
  }

  const root = document.getElementById('root');
  if (!root) throw new Error('Workbench: index.html has no #root element.');
  ReactDom.render(
    <Workbench
      route={route}
      manifests={manifests}
      personas={people}
      persona={persona}
      webUrl={webUrl}
      connection={connection}
      clock={clock}
      onSwitchPersona={switchPersona}
    />,
    root
  );
}

start().catch((error: unknown) => {
  // Nothing rendered: say so in the page itself, not only in the console.
  const message = error instanceof Error ? error.message : String(error);
  const root = document.getElementById('root') ?? document.body;
  root.textContent = `The workbench could not start: ${message}`;
  console.error(error);
});
