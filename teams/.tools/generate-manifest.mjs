#!/usr/bin/env node
/**
 * Writes teams/manifest.json, the Microsoft Teams app manifest of the custom package, from the
 * SPFx web part manifests (ids, titles, descriptions) and config/package-solution.json
 * (solution id, developer, version), so the Teams app never drifts from the web parts.
 *
 * Usage: node teams/.tools/generate-manifest.mjs [--check]
 *   --check  exits 1 when teams/manifest.json differs from what would be generated.
 * Environment: SSM_TEAMS_CLIENT_ID (the Entra app registration that sends activity feed
 * notifications; a placeholder GUID otherwise) and SSM_TEAMS_RESOURCE (its Application ID URI).
 *
 * Format as SharePoint generates it for SPFx (learn.microsoft.com, "Deployment options for
 * SharePoint Framework solutions for Microsoft Teams"): each web part is a personal static tab
 * hosted by teamshostedapp.aspx through TeamsLogon.aspx; Teams allows one configurable tab, the
 * highlight report, for channels and group chats. Icons are the `<componentId>_color.png` and
 * `_outline.png` files in teams/.
 */
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Teams manifest schema version used (its JSON schema ships in @microsoft/app-manifest). */
export const MANIFEST_VERSION = '1.24';
/** Placeholder client id until the reminders app registration exists. */
export const PLACEHOLDER_CLIENT_ID = '00000000-0000-0000-0000-000000000000';
/** Web part whose tab is the app's channel (configurable) tab and whose icons are the app's. */
const PRIMARY_ALIAS = 'HighlightReportWebPart';

/** Reads JSON with whole-line // comments, as SPFx manifests are written. */
function readJsonc(file) {
  const text = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return JSON.parse(text);
}

function webPartManifests() {
  const dir = path.join(root, 'src', 'webparts');
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const folder = path.join(dir, name);
    const files = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.manifest.json')) : [];
    for (const f of files) found.push(readJsonc(path.join(folder, f)));
  }
  return found.filter((m) => m.componentType === 'WebPart' && (m.supportedHosts ?? []).includes('TeamsPersonalApp'));
}

const hosted = (id, extra) =>
  `https://{teamSiteDomain}/_layouts/15/TeamsLogon.aspx?SPFX=true&dest=/_layouts/15/teamshostedapp.aspx%3F${extra}%26teams%26componentId=${id}%26forceLocale={locale}`;

/** Builds the manifest object. */
export function buildManifest(env = process.env) {
  const solution = readJsonc(path.join(root, 'config', 'package-solution.json')).solution;
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const parts = webPartManifests();
  const primary = parts.find((m) => m.alias === PRIMARY_ALIAS) ?? parts[0];
  if (!primary) throw new Error('No web part supports TeamsPersonalApp.');
  const clientId = env.SSM_TEAMS_CLIENT_ID || PLACEHOLDER_CLIENT_ID;
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: pkg.version,
    id: solution.id,
    developer: {
      name: solution.developer.name,
      websiteUrl: solution.developer.websiteUrl,
      privacyUrl: solution.developer.privacyUrl,
      termsOfUseUrl: solution.developer.termsOfUseUrl
    },
    name: { short: 'Shared Services', full: solution.name },
    description: {
      short: 'Objectives, benefits, risks and highlight reports for a joint committee.',
      full: solution.metadata.longDescription.default
    },
    icons: { color: `${primary.id}_color.png`, outline: `${primary.id}_outline.png` },
    accentColor: '#1F3864',
    configurableTabs: [
      {
        configurationUrl:
          `https://{teamSiteDomain}{teamSitePath}/_layouts/15/TeamsLogon.aspx?SPFX=true&dest={teamSitePath}/_layouts/15/teamshostedapp.aspx%3FopenPropertyPane=true%26teams%26componentId=${primary.id}%26forceLocale={locale}`,
        canUpdateConfiguration: true,
        scopes: ['team', 'groupChat']
      }
    ],
    // The highlight report first: it is the tab service leads open most.
    staticTabs: [primary, ...parts.filter((m) => m !== primary)].map((m) => ({
      entityId: m.id,
      name: m.preconfiguredEntries[0].title.default,
      contentUrl: hosted(m.id, 'openPane=true'),
      scopes: ['personal']
    })),
    permissions: ['identity'],
    validDomains: [
      '*.login.microsoftonline.com',
      '*.sharepoint.com',
      '*.sharepoint-df.com',
      'spoppe-a.akamaihd.net',
      'spoprod-a.akamaihd.net',
      'resourceseng.blob.core.windows.net',
      'msft.spoppe.com'
    ],
    webApplicationInfo: {
      id: clientId,
      resource: env.SSM_TEAMS_RESOURCE || `api://shared-services-monitoring/${clientId}`
    },
    activities: {
      activityTypes: [
        {
          type: 'updateDue',
          description: 'A quarterly update of objectives, risks or measures is due',
          templateText: 'Your {period} update is due by {deadline}'
        },
        {
          type: 'updateOverdue',
          description: 'A quarterly update of objectives, risks or measures is overdue',
          templateText: 'Your {period} update is overdue: it was due on {deadline}'
        },
        {
          type: 'reportPublished',
          description: 'A committee report was published',
          templateText: '{actor} published the {report} report for {period}'
        }
      ]
    }
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const target = path.join(root, 'teams', 'manifest.json');
  const text = `${JSON.stringify(buildManifest(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current !== text) {
      console.error('teams/manifest.json is out of date: run node teams/.tools/generate-manifest.mjs');
      process.exitCode = 1;
    }
  } else {
    writeFileSync(target, text);
    console.log(`Wrote ${path.relative(root, target)}.`);
  }
}
