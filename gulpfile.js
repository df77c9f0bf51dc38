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
build.configureWebpack.mergeConfig({
  additionalConfiguration: (config) => {
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
