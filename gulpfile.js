'use strict';

const build = require('@microsoft/sp-build-web');

build.addSuppression(`Warning - [sass] The local CSS class 'ms-Grid' is not camelCase and will not be type-safe.`);

var getTasks = build.rig.getTasks;
build.rig.getTasks = function () {
  var result = getTasks.call(build.rig);

  result.set('serve', result.get('serve-deprecated'));

  return result;
};

// Every build writes temp/stats/chunk-groups.json (the files of each entry and of each named
// chunk group), from which `npm run bench` adds up what a web part downloads before its first
// render: its bundle plus its UI chunk group. `SSM_BUNDLE_STATS=1 npm run build` also writes
// temp/stats/bundle-stats.json, the modules in each chunk with their sizes, to see what is heavy.
// The chunks a web part loads before its first render: the shared shell, each web part's UI
// (named `ssm-<web part>-ui`, see the web part classes) and the first load some start in onInit
// (`ssm-<web part>-first-load`). bench/bundle-size.ts reads the same names.
const isFirstRenderChunk = (chunk) => chunk.name === 'ssm-shell' || /^ssm-.+-(ui|first-load)$/.test(chunk.name || '');

// Of the copies of tslib in node_modules (PnPjs pins its own), the newest: tslib 2 only ever adds
// helpers, so every package can share it and the page downloads it once.
function newestTslib() {
  const fs = require('fs');
  const path = require('path');
  const candidates = ['node_modules/tslib', 'node_modules/@pnp/core/node_modules/tslib', 'node_modules/@pnp/queryable/node_modules/tslib', 'node_modules/@pnp/sp/node_modules/tslib']
    .map((dir) => path.join(__dirname, dir))
    .filter((dir) => fs.existsSync(path.join(dir, 'package.json')))
    .map((dir) => ({ dir, version: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version.split('.').map(Number) }))
    .filter((c) => c.version[0] === 2);
  candidates.sort((a, b) => b.version[1] - a.version[1] || b.version[2] - a.version[2]);
  return candidates.length > 0 ? candidates[0].dir : undefined;
}

build.configureWebpack.mergeConfig({
  additionalConfiguration: (config) => {
    // Webpack's default splitting kept a copy of a module in each async chunk that used it when
    // the web parts (each its own entry, so its own runtime) used different exports of it, or when
    // the chunk it would share was under 20 KB: a page with all four web parts downloaded
    // DOMPurify twice and the validation five times. Code used by two or more of the first-render
    // chunks goes into a chunk of its own (one per set of users), whatever its size and exports:
    // each web part still downloads only what it renders, and a page downloads each module once.
    config.optimization = config.optimization || {};
    if (config.optimization.splitChunks !== false) {
      const splitChunks = config.optimization.splitChunks || {};
      splitChunks.cacheGroups = Object.assign({}, splitChunks.cacheGroups, {
        ssmFirstRender: { chunks: isFirstRenderChunk, minChunks: 2, minSize: 0, usedExports: false, priority: 10, reuseExistingChunk: true, enforce: true }
      });
      config.optimization.splitChunks = splitChunks;
    }
    const tslib = newestTslib();
    if (tslib) {
      config.resolve = config.resolve || {};
      const alias = config.resolve.alias;
      if (Array.isArray(alias)) alias.push({ name: 'tslib', onlyModule: true, alias: tslib });
      else config.resolve.alias = Object.assign({}, alias, { tslib$: tslib });
    }
    config.plugins = config.plugins || [];
    config.plugins.push({
      apply(compiler) {
        compiler.hooks.done.tap('SsmBundleStats', (stats) => {
          const fs = require('fs');
          const path = require('path');
          const dir = path.join(__dirname, 'temp', 'stats');
          fs.mkdirSync(dir, { recursive: true });
          const groups = stats.toJson({ all: false, entrypoints: true, chunkGroups: true });
          const filesOf = (g) => (g.assets || []).map((a) => (typeof a === 'string' ? a : a.name)).filter((f) => f.endsWith('.js'));
          const summary = { entrypoints: {}, namedChunkGroups: {} };
          for (const [name, g] of Object.entries(groups.entrypoints || {})) summary.entrypoints[name] = filesOf(g);
          for (const [name, g] of Object.entries(groups.namedChunkGroups || {})) summary.namedChunkGroups[name] = filesOf(g);
          fs.writeFileSync(path.join(dir, 'chunk-groups.json'), JSON.stringify(summary, null, 1));
          if (process.env.SSM_BUNDLE_STATS !== '1') return;
          const json = stats.toJson({ chunks: true, chunkModules: true, nestedModules: true, modules: false, assets: false, source: false, reasons: false, usedExports: false, providedExports: false, optimizationBailout: false });
          const chunks = json.chunks.map((c) => ({
            id: c.id,
            names: c.names,
            files: c.files,
            initial: c.initial,
            modules: (c.modules || []).flatMap((m) => (m.modules && m.modules.length > 0 ? m.modules : [m]).map((n) => ({ name: n.name, size: n.size })))
          }));
          fs.writeFileSync(path.join(dir, 'bundle-stats.json'), JSON.stringify({ chunks }, null, 1));
        });
      }
    });
    return config;
  }
});

build.initialize(require('gulp'));
