/**
 * Text of the workbench's own chrome (the web parts bring their strings from SsmStrings).
 * The workbench is a developer tool, so these are not in the SPFx string resources.
 */
export const workbenchStrings = {
  siteName: 'Shared Services Monitoring',
  suiteBarApp: 'SharePoint',
  suiteBarNote: 'Local workbench',
  skipToContent: 'Skip to main content',
  pageTitle: 'Monitoring dashboard',
  siteNavigation: 'Site navigation',
  home: 'Home',
  personaLabel: 'Signed in as',
  personaHint: 'Choosing another person reloads the page as that person.',
  roleEditor: 'editor',
  roleServiceLead: 'service lead',
  roleAuditor: 'auditor (read-only)',
  roleOfficer: 'responsible officer',
  roleMember: 'site member',
  clockMoved: 'The web parts\u2019 clock is set to {0} (from ?today= in the address). Remove it to use today\u2019s date.',
  invalidToday: '"{0}" in ?today= is not a date in the form YYYY-MM-DD, so the web parts use today\u2019s date.',
  teamsViews: 'Teams tab views:',
  teamsDefault: 'default theme',
  teamsDark: 'dark theme',
  teamsContrast: 'high contrast theme',
  footerNote: 'Local workbench: the web parts read and write the local host\u2019s site at {0}.',
  hostUnavailable: 'The local host did not answer, so the web parts cannot load their data.',
  unknownWebPart: 'There is no web part called "{0}". Choose one of: {1}.',
  unsupportedInTeams: 'The {0} web part is not available as a Teams tab.'
};
