/**
 * The web part manifests, read at build time by local/scripts/build-workbench.mjs (SPFx
 * manifests are JSON with comments, which a bundler cannot import directly).
 */
declare module 'ssm-workbench-manifests' {
  /** One web part of the solution, from its manifest's first preconfigured entry. */
  export interface IWorkbenchManifest {
    /** Folder under src/webparts, also the `?webpart=` value. */
    name: string;
    /** Component id. */
    id: string;
    /** Alias, e.g. "HighlightReportWebPart". */
    alias: string;
    /** Title shown in the toolbox and as the section's label. */
    title: string;
    /** Toolbox description. */
    description: string;
    /** SharePointWebPart, TeamsTab, TeamsPersonalApp… */
    supportedHosts: string[];
    /** Default property values a newly added web part gets. */
    properties: Record<string, unknown>;
  }
  /** Every web part, by folder name. */
  export const manifests: IWorkbenchManifest[];
}
