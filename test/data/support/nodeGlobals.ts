/**
 * The root node_modules holds jest-environment-node 25 (hoisted for another package), which
 * jest 29 picks for `testEnvironment: 'node'`; it does not expose Node 22's fetch, Headers,
 * Response or AbortController. Copy them from Node's own global until jest.config.js points
 * at jest 29's environment. Import this first in tests that use PnPjs or fetch.
 */
import * as vm from 'node:vm';

const real = vm.runInThisContext('globalThis') as Record<string, unknown>;
const target = globalThis as unknown as Record<string, unknown>;
for (const name of ['fetch', 'Headers', 'Request', 'Response', 'AbortController', 'AbortSignal', 'FormData', 'Blob', 'TextEncoder', 'TextDecoder', 'structuredClone']) {
  if (typeof target[name] === 'undefined' && typeof real[name] !== 'undefined') target[name] = real[name];
}

export {};
