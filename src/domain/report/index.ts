/** Committee reports: the report model, its builder and published snapshots. */
export * from './model';
export * from './build';
export * from './snapshot';
export * from './settings';
export * from './compare';
export * from './reads';
