/**
 * The workbench's page: a modern SharePoint page (suite bar, site header with navigation and
 * the persona switch, one section per web part) or a Microsoft Teams tab (one web part, Teams
 * background, no SharePoint chrome). Each web part is its root component inside the same
 * `AppShell` providers the web part classes render.
 */
import * as React from 'react';
import { DefaultButton, Dropdown, IDropdownOption, MessageBar, MessageBarType, ThemeProvider } from '@fluentui/react';
import * as strings from 'SsmStrings';
import type { IWorkbenchManifest } from 'ssm-workbench-manifests';
import type { Repositories } from '../../src/data/repositories';
import { AppShell } from '../../src/components/AppShell';
import type { IClock } from '../../src/components/clock';
import { isoDateOf } from '../../src/domain/calendar';
import { formatDate, formatString } from '../../src/components/format';
import { resolveTheme, TeamsThemeName } from '../../src/components/themes';
import { ImportPanel } from '../../src/components/import/ImportPanel';
import { importListFor } from '../../src/webparts/shared/importList';
import { IWorkbenchRoute, PAGE_ORDER, parseImportQuery, routeSearch } from './route';
import { IWorkbenchPersona } from './persona';
import { workbenchStrings as s } from './strings';
import { ROOTS } from './webparts';

/** Where the page's data comes from: the repositories, or why there are none. */
export type Connection = { repositories: Repositories } | { error: unknown };

/** Props of `Workbench`. */
export interface IWorkbenchProps {
  route: IWorkbenchRoute;
  manifests: readonly IWorkbenchManifest[];
  personas: readonly IWorkbenchPersona[];
  persona: IWorkbenchPersona;
  /** Absolute URL of the local host's site, shown in the footer. */
  webUrl: string;
  connection: Connection;
  /** The web parts' clock when the URL moves it (`?today=`); the browser's otherwise. */
  clock?: IClock;
  /** Signs in as another persona (sets the cookie and reloads). */
  onSwitchPersona: (persona: IWorkbenchPersona) => void;
}

const ROLE_LABELS: Record<IWorkbenchPersona['role'], string> = {
  editor: s.roleEditor,
  serviceLead: s.roleServiceLead,
  auditor: s.roleAuditor,
  officer: s.roleOfficer,
  member: s.roleMember
};

/** "Priya Hartley – editor". */
export function personaLabel(persona: IWorkbenchPersona): string {
  return `${persona.user.displayName} \u2013 ${ROLE_LABELS[persona.role]}`;
}

/** The whole page for the route. */
export function Workbench(props: IWorkbenchProps): JSX.Element {
  return props.route.host === 'teams' ? <TeamsTab {...props} /> : <SharePointPage {...props} />;
}

/** Problems with the URL or the host, shown above (or instead of) the web parts. */
// eslint-disable-next-line @rushstack/no-new-null -- null is how a React component renders nothing.
function Problems(props: IWorkbenchProps): JSX.Element | null {
  const { route, manifests, connection } = props;
  const messages: JSX.Element[] = [];
  if (route.today !== undefined) {
    messages.push(
      <MessageBar key="today" messageBarType={MessageBarType.info}>
        {formatString(s.clockMoved, formatDate(route.today) ?? route.today)}
      </MessageBar>
    );
  }
  if (route.invalidToday !== undefined) {
    messages.push(
      <MessageBar key="invalid-today" messageBarType={MessageBarType.warning}>
        {formatString(s.invalidToday, route.invalidToday)}
      </MessageBar>
    );
  }
  if (route.unknownWebPart !== undefined) {
    messages.push(
      <MessageBar key="unknown" messageBarType={MessageBarType.warning}>
        {formatString(s.unknownWebPart, route.unknownWebPart, manifests.map((m) => m.name).join(', '))}
      </MessageBar>
    );
  }
  if ('error' in connection) {
    messages.push(
      <MessageBar key="host" messageBarType={MessageBarType.error}>
        {s.hostUnavailable} {connection.error instanceof Error ? connection.error.message : String(connection.error)}
      </MessageBar>
    );
  }
  return messages.length ? <div className="wb-problems">{messages}</div> : null;
}

/**
 * One web part in its providers, as its class renders it: the root, keyed so an import remounts
 * it (reloading its data), and beside it the import panel the base class renders for site owners.
 */
function WebPart(props: {
  manifest: IWorkbenchManifest;
  repositories: Repositories;
  teamsTheme?: TeamsThemeName;
  clock?: IClock;
  /** Offers "Import from a spreadsheet" (the editor persona, standing in for a site owner). */
  canImport?: boolean;
}): JSX.Element {
  const { manifest, repositories, teamsTheme, clock, canImport } = props;
  const root = ROOTS[manifest.name];
  if (!root) throw new Error(`Workbench: no root component is registered for the web part "${manifest.name}".`);
  const list = canImport ? importListFor(manifest.alias) : undefined;
  const [importOpen, setImportOpen] = React.useState(() => list !== undefined && parseImportQuery(window.location.search) === list);
  const [generation, setGeneration] = React.useState(0);
  // Once a mount, as a web part class renders its root after onInit (a remount after an import makes a new one).
  const element = React.useMemo(
    () => root(manifest.properties, { repositories, today: clock ? isoDateOf(clock.now()) : undefined }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- generation: a remount after an import starts afresh.
    [root, manifest.properties, repositories, clock, generation]
  );
  return (
    <div className="wb-webpart" data-webpart={manifest.name} data-webpart-id={manifest.id}>
      {list && (
        // In SharePoint the action sits in the property pane, which the workbench does not have.
        <div className="wb-section-toolbar">
          <DefaultButton iconProps={{ iconName: 'ExcelDocument' }} text={strings.ImportButton} onClick={() => setImportOpen(true)} />
        </div>
      )}
      <AppShell repositories={repositories} teamsTheme={teamsTheme} clock={clock}>
        <React.Fragment key={generation}>{element}</React.Fragment>
        {list && (
          <ImportPanel list={list} isOpen={importOpen} onDismiss={() => setImportOpen(false)} onImported={() => setGeneration((g) => g + 1)} />
        )}
      </AppShell>
    </div>
  );
}

/** The web parts in the order the page shows them (then any others by name). */
function navOrder(manifests: readonly IWorkbenchManifest[]): IWorkbenchManifest[] {
  const rank = (m: IWorkbenchManifest): number => {
    const i = PAGE_ORDER.indexOf(m.name);
    return i < 0 ? PAGE_ORDER.length : i;
  };
  return manifests.slice().sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

function manifestsFor(props: IWorkbenchProps): IWorkbenchManifest[] {
  return props.route.webParts
    .map((name) => props.manifests.find((m) => m.name === name))
    .filter((m): m is IWorkbenchManifest => m !== undefined);
}

/** The modern SharePoint page. */
function SharePointPage(props: IWorkbenchProps): JSX.Element {
  const { route, connection, webUrl } = props;
  const shown = manifestsFor(props);
  const title = route.single && shown.length === 1 ? shown[0].title : s.pageTitle;
  const current = route.single && shown.length === 1 ? shown[0].name : undefined;

  React.useEffect(() => {
    document.title = `${title} - ${s.siteName}`;
  }, [title]);

  return (
    <>
      <a className="wb-skip" href="#wb-main">
        {s.skipToContent}
      </a>
      <header className="wb-header">
        <div className="wb-suitebar">
          <span className="wb-suitebar-app">{s.suiteBarApp}</span>
          <span className="wb-suitebar-note">{s.suiteBarNote}</span>
        </div>
        <div className="wb-site-header">
          <div className="wb-site-logo" aria-hidden="true">
            SSM
          </div>
          <div className="wb-site-title">
            <a className="wb-site-name" href="./">
              {s.siteName}
            </a>
            <nav aria-label={s.siteNavigation}>
              <ul className="wb-nav">
                <li>
                  <a href={routeSearch({ today: route.today }) || './'} aria-current={current === undefined ? 'page' : undefined}>
                    {s.home}
                  </a>
                </li>
                {navOrder(props.manifests).map((m) => (
                  <li key={m.name}>
                    <a href={routeSearch({ webPart: m.name, today: route.today }) || './'} aria-current={current === m.name ? 'page' : undefined}>
                      {m.title}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <PersonaSwitcher {...props} />
        </div>
      </header>
      <main id="wb-main" className="wb-main" tabIndex={-1}>
        <div className="wb-canvas">
          <h1 className="wb-page-title">{title}</h1>
          <Problems {...props} />
          {'repositories' in connection &&
            shown.map((m) => (
              <section key={m.name} className="wb-section" aria-label={m.title}>
                <WebPart manifest={m} repositories={connection.repositories} clock={props.clock} canImport={props.persona.role === 'editor'} />
              </section>
            ))}
        </div>
      </main>
      <footer className="wb-footer">
        <div className="wb-canvas">
          <p>{formatString(s.footerNote, webUrl)}</p>
          <p>
            {s.teamsViews}{' '}
            {(['default', 'dark', 'contrast'] as TeamsThemeName[]).map((theme, i) => (
              <React.Fragment key={theme}>
                {i > 0 && ' · '}
                <a href={routeSearch({ host: 'teams', teamsTheme: theme, webPart: current, today: route.today })}>
                  {theme === 'default' ? s.teamsDefault : theme === 'dark' ? s.teamsDark : s.teamsContrast}
                </a>
              </React.Fragment>
            ))}
          </p>
        </div>
      </footer>
    </>
  );
}

/** The "Signed in as" switch in the site header. */
function PersonaSwitcher(props: IWorkbenchProps): JSX.Element {
  const { personas, persona, onSwitchPersona } = props;
  const hintId = 'wb-persona-hint';
  // Whoever the host signed in, persona or not, is the one shown.
  const shown = personas.some((p) => p.user.email === persona.user.email) ? personas : [...personas, persona];
  const options: IDropdownOption[] = shown.map((p) => ({ key: p.user.email, text: personaLabel(p) }));
  return (
    <div className="wb-persona">
      <Dropdown
        label={s.personaLabel}
        options={options}
        selectedKey={persona.user.email}
        aria-describedby={hintId}
        onChange={(_event, option) => {
          const chosen = shown.find((p) => p.user.email === option?.key);
          if (chosen && chosen !== persona) onSwitchPersona(chosen);
        }}
        styles={{ root: { minWidth: 260 } }}
      />
      <span id={hintId} className="wb-visually-hidden">
        {s.personaHint}
      </span>
    </div>
  );
}

/** The Teams tab: one web part on Teams' background, themed from the Teams theme. */
function TeamsTab(props: IWorkbenchProps): JSX.Element {
  const { route, connection } = props;
  const shown = manifestsFor(props);
  const manifest = shown[0];
  const title = manifest ? manifest.title : s.siteName;

  React.useEffect(() => {
    document.title = title;
  }, [title]);

  const unsupported = manifest && manifest.supportedHosts.indexOf('TeamsTab') < 0;
  const theme = React.useMemo(() => resolveTheme({ teamsTheme: route.teamsTheme }), [route.teamsTheme]);
  return (
    <main id="wb-main" className="wb-teams-main">
      <h1 className="wb-visually-hidden">{title}</h1>
      {/* Messages outside the web part follow the Teams theme too. */}
      <ThemeProvider theme={theme}>
        <Problems {...props} />
        {unsupported && <MessageBar messageBarType={MessageBarType.warning}>{formatString(s.unsupportedInTeams, manifest.title)}</MessageBar>}
      </ThemeProvider>
      {manifest && !unsupported && 'repositories' in connection && (
        <WebPart manifest={manifest} repositories={connection.repositories} teamsTheme={route.teamsTheme} clock={props.clock} />
      )}
    </main>
  );
}
