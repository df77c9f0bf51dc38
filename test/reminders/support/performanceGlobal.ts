/** jsdom needs `performance`, which the hoisted jest-environment-node 25 does not expose; copy Node's own. */
import * as vm from 'node:vm';

const real = vm.runInThisContext('globalThis') as Record<string, unknown>;
const target = globalThis as unknown as Record<string, unknown>;
if (typeof target.performance === 'undefined') target.performance = real.performance;

export {};
