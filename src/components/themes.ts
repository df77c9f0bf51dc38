/**
 * Fluent UI themes for the hosts the web parts run in: the SharePoint site theme (handed over
 * by SPFx's ThemeProvider) and the three Microsoft Teams themes (default, dark, high contrast).
 */
import { createTheme, PartialTheme, Theme } from '@fluentui/react';
import type { IReadonlyTheme } from '@microsoft/sp-component-base';

/** Themes Microsoft Teams reports through `app.getContext().app.theme`. */
export type TeamsThemeName = 'default' | 'dark' | 'contrast';

/** Normalises whatever Teams reported (older clients and unknown values fall back to default). */
export function toTeamsThemeName(value: string | undefined): TeamsThemeName {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

// Teams' own palettes: brand purple on light, lighter purple on dark, yellow/cyan in contrast.
const TEAMS_DEFAULT: PartialTheme = {
  palette: {
    themePrimary: '#6264a7',
    themeLighterAlt: '#f7f7fb',
    themeLighter: '#e1e1f1',
    themeLight: '#c8c9e4',
    themeTertiary: '#989ac9',
    themeSecondary: '#7173b0',
    themeDarkAlt: '#585a95',
    themeDark: '#4a4c7e',
    themeDarker: '#37385d',
    neutralPrimary: '#252423',
    white: '#ffffff'
  }
};

const TEAMS_DARK: PartialTheme = {
  isInverted: true,
  palette: {
    themePrimary: '#a6a7dc',
    themeLighterAlt: '#07070a',
    themeLighter: '#1a1b23',
    themeLight: '#323342',
    themeTertiary: '#646584',
    themeSecondary: '#9293c2',
    themeDarkAlt: '#aeafdf',
    themeDark: '#babbe4',
    themeDarker: '#cbcbeb',
    neutralLighterAlt: '#292929',
    neutralLighter: '#323232',
    neutralLight: '#3f3f3f',
    neutralQuaternaryAlt: '#484848',
    neutralQuaternary: '#4f4f4f',
    neutralTertiaryAlt: '#6d6d6d',
    neutralTertiary: '#c8c8c8',
    neutralSecondary: '#d0d0d0',
    neutralPrimaryAlt: '#dadada',
    neutralPrimary: '#ffffff',
    neutralDark: '#f4f4f4',
    black: '#f8f8f8',
    white: '#1f1f1f'
  }
};

const TEAMS_CONTRAST: PartialTheme = {
  isInverted: true,
  palette: {
    themePrimary: '#ffff01',
    themeLighterAlt: '#0a0a00',
    themeLighter: '#292900',
    themeLight: '#4d4d00',
    themeTertiary: '#999900',
    themeSecondary: '#e0e000',
    themeDarkAlt: '#ffff19',
    themeDark: '#ffff3d',
    themeDarker: '#ffff70',
    neutralLighterAlt: '#0b0b0b',
    neutralLighter: '#151515',
    neutralLight: '#252525',
    neutralQuaternaryAlt: '#2f2f2f',
    neutralQuaternary: '#373737',
    neutralTertiaryAlt: '#595959',
    neutralTertiary: '#ffffff',
    neutralSecondary: '#ffffff',
    neutralPrimaryAlt: '#ffffff',
    neutralPrimary: '#ffffff',
    neutralDark: '#ffffff',
    black: '#ffffff',
    white: '#000000'
  }
};

/** Where the web part runs and which theme the host uses. */
export interface IHostTheme {
  /** The SharePoint (or SPFx-provided) theme, when there is one. */
  spTheme?: IReadonlyTheme;
  /** The Teams theme, when the web part runs in Microsoft Teams. */
  teamsTheme?: TeamsThemeName;
}

/**
 * The Fluent theme to render with. In Teams the Teams theme wins (the site theme would clash
 * with the Teams chrome); in SharePoint the site theme is used as is.
 */
export function resolveTheme(host: IHostTheme): Theme {
  if (host.teamsTheme === 'dark') return createTheme(TEAMS_DARK);
  if (host.teamsTheme === 'contrast') return createTheme(TEAMS_CONTRAST);
  if (host.teamsTheme === 'default') return createTheme(TEAMS_DEFAULT);
  if (host.spTheme) {
    // SPFx's theme and Fluent v8's theme are structurally the same ITheme (different packages).
    return createTheme(host.spTheme as unknown as PartialTheme);
  }
  return createTheme({});
}
