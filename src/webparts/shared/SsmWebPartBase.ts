/**
 * Base class of the four web parts. It only wires SPFx to the React tree: the PnPjs
 * repositories, the SharePoint or Teams theme, and the property pane's "Set up lists" group
 * with "Import from a spreadsheet", whose panel it renders beside the web part's root.
 * Everything else lives in function components under each web part's `components/` folder.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import {
  IPropertyPaneConfiguration,
  IPropertyPaneField,
  IPropertyPaneGroup,
  PropertyPaneButton,
  PropertyPaneButtonType,
  PropertyPaneLabel
} from '@microsoft/sp-property-pane';
import { IReadonlyTheme, ThemeChangedEventArgs, ThemeProvider } from '@microsoft/sp-component-base';
import { SPPermission } from '@microsoft/sp-page-context';
import * as strings from 'SsmStrings';
import type { Repositories } from '../../data/repositories';
import { formatString } from '../../components/format';
import type { TeamsThemeName } from '../../components/themes';
import { lazyComponent, onDemand } from '../../components/onDemand';

/** The shared shell (repositories, providers): one chunk for all four web parts, loaded in onInit. */
type Shell = typeof import('./shell');
const loadShell = (): Promise<Shell> => import(/* webpackChunkName: 'ssm-shell' */ './shell');

// The import panel (and its engine) loads only when a site owner opens it.
const ImportPanel = lazyComponent(() => import(/* webpackChunkName: 'ssm-import-panel' */ '../../components/import/ImportPanel').then((m) => m.ImportPanel));
import type { ImportListKind } from '../../domain/import/columns';
import { importListFor } from './importList';

/** Wiring shared by every web part of the solution. */
export abstract class SsmWebPartBase<TProperties extends object> extends BaseClientSideWebPart<TProperties> {
  private _shell: Shell | undefined;
  private _repositories: Repositories | undefined;
  private _themeProvider: ThemeProvider | undefined;
  private _spTheme: IReadonlyTheme | undefined;
  private _teamsTheme: TeamsThemeName | undefined;
  private _provisionStatus: string = '';
  private _provisioning: boolean = false;
  /** Bumped to remount the React tree (and so reload its data) after the lists are set up. */
  private _generation: number = 0;
  /** Whether the import panel is open. */
  private _importOpen: boolean = false;

  /** The web part's own root component, rendered inside the shared providers. */
  protected abstract renderRoot(): React.ReactElement;

  /** Property pane groups of the web part itself (the set-up group is added after them). */
  protected propertyPaneGroups(): IPropertyPaneGroup[] {
    return [];
  }

  /**
   * The list "Import from a spreadsheet" writes to, or undefined for none. By default from the
   * manifest alias (objectives tracker, benefits tracker, risk register; not the highlight report).
   */
  protected get importList(): ImportListKind | undefined {
    return importListFor(this.context.manifest.alias);
  }

  /** The repositories built in onInit. */
  protected get repositories(): Repositories {
    if (!this._repositories) throw new Error('The web part was rendered before onInit completed.');
    return this._repositories;
  }

  /** The shared shell loaded in onInit. */
  protected get shell(): Shell {
    if (!this._shell) throw new Error('The web part was rendered before onInit completed.');
    return this._shell;
  }

  protected async onInit(): Promise<void> {
    await super.onInit();
    this._shell = await loadShell();
    this._repositories = this._shell.createRepositories(this.context);

    this._themeProvider = this.context.serviceScope.consume(ThemeProvider.serviceKey);
    this._spTheme = this._themeProvider.tryGetTheme();
    this._themeProvider.themeChangedEvent.add(this, this._handleThemeChanged);

    const teams = this.context.sdks.microsoftTeams;
    if (teams) {
      const teamsContext = await teams.teamsJs.app.getContext();
      this._teamsTheme = this._shell.toTeamsThemeName(teamsContext.app.theme);
      teams.teamsJs.app.registerOnThemeChangeHandler((theme: string) => {
        this._teamsTheme = this.shell.toTeamsThemeName(theme);
        this.render();
      });
    }
  }

  public render(): void {
    const list = this.importList;
    // Only the root is keyed by generation: remounting it reloads the data, while the import
    // panel beside it keeps its result on screen.
    const element = React.createElement(
      this.shell.AppShell,
      { repositories: this.repositories, spTheme: this._spTheme, teamsTheme: this._teamsTheme },
      React.createElement(React.Fragment, { key: this._generation }, this.renderRoot()),
      list && this._importOpen
        ? React.createElement(React.Fragment, { key: 'import' }, onDemand(ImportPanel, {
            list,
            isOpen: this._importOpen,
            onDismiss: () => {
              this._importOpen = false;
              this.render();
            },
            onImported: () => {
              this._generation++;
              this.render();
            }
          }))
        : undefined
    );
    ReactDom.render(element, this.domElement);
  }

  protected onDispose(): void {
    this._themeProvider?.themeChangedEvent.remove(this, this._handleThemeChanged);
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const groups = this.propertyPaneGroups();
    if (this._canManageLists()) groups.push(this._setUpGroup());
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups
        }
      ]
    };
  }

  private _handleThemeChanged(args: ThemeChangedEventArgs): void {
    this._spTheme = args.theme;
    this.render();
  }

  /** Site owners (Manage Lists) see the set-up group; other users have no use for it. */
  private _canManageLists(): boolean {
    return this.context.pageContext.web.permissions.hasPermission(SPPermission.manageLists);
  }

  private _setUpGroup(): IPropertyPaneGroup {
    return {
      groupName: strings.SetUpGroupName,
      groupFields: [
        PropertyPaneLabel('setUpListsDescription', { text: strings.SetUpListsDescription }),
        PropertyPaneButton('setUpLists', {
          text: strings.SetUpListsButton,
          buttonType: PropertyPaneButtonType.Primary,
          icon: 'DatabaseSync',
          disabled: this._provisioning,
          onClick: (value: unknown) => {
            this._startProvisioning();
            // The button's return value is written to its target property: keep it unchanged.
            return value;
          }
        }),
        PropertyPaneLabel('setUpListsStatus', { text: this._provisionStatus }),
        ...this._importFields()
      ]
    };
  }

  /** "Import from a spreadsheet", for web parts with a list to import into. */
  private _importFields(): IPropertyPaneField<unknown>[] {
    if (!this.importList) return [];
    return [
      PropertyPaneLabel('importDescription', { text: strings.ImportGroupDescription }),
      PropertyPaneButton('importSpreadsheet', {
        text: strings.ImportButton,
        buttonType: PropertyPaneButtonType.Normal,
        icon: 'ExcelDocument',
        onClick: (value: unknown) => {
          this._openImport();
          // The button's return value is written to its target property: keep it unchanged.
          return value;
        }
      })
    ];
  }

  private _openImport(): void {
    this._importOpen = true;
    // The panel opens on the same side as the property pane: close the pane so it is not hidden.
    this.context.propertyPane.close();
    this.render();
  }

  private _startProvisioning(): void {
    this._setProvisionStatus(strings.SetUpListsRunning, true);
    // Every web part offers it: the lists are the same whichever part a site owner adds first.
    this.shell.setUpLists(this.context).then(
      (summary) => {
        this._setProvisionStatus(summary, false);
        // Remount so a "lists missing" error gives way to the data.
        this._generation++;
        this.render();
      },
      (error: unknown) => {
        this._setProvisionStatus(formatString(strings.SetUpListsFailed, this.shell.describeError(error).details.join(' ')), false);
      }
    );
  }

  private _setProvisionStatus(status: string, running: boolean): void {
    this._provisionStatus = status;
    this._provisioning = running;
    this.context.propertyPane.refresh();
  }
}
