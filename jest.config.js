/**
 * Jest runs every test under test/ (never src/: gulp's tsc and the ship lint would pick them up).
 * ts-jest compiles without type checking for speed on small machines; `npm run typecheck`
 * does the type check. PnPjs ships ES modules, so @pnp/* is transformed too.
 */
module.exports = {
  testEnvironment: 'node',
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
  testTimeout: 60000
};
