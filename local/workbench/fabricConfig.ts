/**
 * Built as fabric-config.js, a classic script that index.html runs before the page's modules
 * load Fluent UI: Fluent registers its Segoe UI web fonts from Microsoft's CDN when its theme
 * module loads unless `window.FabricConfig` says otherwise. The workbench contacts no host but its own, so the web fonts are switched off (the
 * font stack falls back to the system's fonts); main.tsx registers the icon fonts from the page's own folder.
 */

/** The subset of Fluent UI's `IFabricConfig` the workbench sets. */
interface IWorkbenchFabricConfig {
  fontBaseUrl?: string;
}

const win = window as unknown as { FabricConfig?: IWorkbenchFabricConfig };
// An empty base URL makes Fluent skip its @font-face registrations altogether.
win.FabricConfig = { ...win.FabricConfig, fontBaseUrl: '' };

export {};
