/**
 * Jest runs every test under test/ (never src/: gulp's tsc and the ship lint would pick them up).
 * ts-jest compiles without type checking for speed on small machines; `npm run typecheck`
 * does the type check. PnPjs ships ES modules, so @pnp/* is transformed too.
 */
const path = require('path');

// @microsoft/sp-build-web brings jest 25, whose jest-environment-node (no fetch, Headers or
// AbortController) npm hoists to the top. Resolve the environment jest 29 itself depends on.
const from = (pkg, dir) => path.dirname(require.resolve(`${pkg}/package.json`, { paths: [dir] }));
const jestConfigDir = from('jest-config', from('@jest/core', from('jest', __dirname)));
const nodeEnvironment = require.resolve('jest-environment-node', { paths: [jestConfigDir] });

module.exports = {
  testEnvironment: nodeEnvironment,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', isolatedModules: true }]
  },
  transformIgnorePatterns: ['/node_modules/(?!(@pnp)/)'],
  moduleNameMapper: {
    // SPFx string resources are AMD modules at runtime; tests read the en-gb file directly.
    '^SsmStrings$': '<rootDir>/test/support/locStub.ts'
  },
  setupFilesAfterEnv: ['<rootDir>/test/support/asyncTimeout.ts'],
  reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
  testTimeout: 60000
};
