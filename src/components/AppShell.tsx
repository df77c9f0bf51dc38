/**
 * The providers every web part root is wrapped in: the Fluent UI theme (SharePoint or Teams)
 * the repositories context and the clock.
 */
import * as React from 'react';
import { ThemeProvider } from '@fluentui/react';
import type { Repositories } from '../data/repositories';
import { RepositoriesProvider } from './RepositoriesContext';
import { IHostTheme, resolveTheme } from './themes';
import { ClockProvider, IClock } from './clock';
import * as strings from 'SsmStrings';
import { MessagesOverlay, setActiveMessages } from '../domain/messages';
import { printRoot } from './print';

// Validation messages name fields in the page's language: load them from the string resources
// once, when the first web part on the page loads this module.
setActiveMessages(strings.ValidationMessages as MessagesOverlay);

/** Props of `AppShell`. */
export interface IAppShellProps extends IHostTheme {
  /** Data access for the tree below. */
  repositories: Repositories;
  /** Where "today" comes from; the browser's clock when omitted (the local workbench sets another day). */
  clock?: IClock;
  children?: React.ReactNode;
}

/** Wraps a web part's root component in the shared providers. */
export function AppShell(props: IAppShellProps): JSX.Element {
  const { spTheme, teamsTheme, repositories, clock, children } = props;
  const theme = React.useMemo(() => resolveTheme({ spTheme, teamsTheme }), [spTheme, teamsTheme]);
  return (
    <ThemeProvider theme={theme} applyTo="element" className={printRoot}>
      <RepositoriesProvider repositories={repositories}>
        <ClockProvider clock={clock}>{children}</ClockProvider>
      </RepositoriesProvider>
    </ThemeProvider>
  );
}
