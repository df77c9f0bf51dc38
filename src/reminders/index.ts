/**
 * Quarterly update reminders: planning lives in src/domain/reminders.ts; this folder sends
 * (Graph JSON batching), logs (idempotent) and reads settings. Used by the timer app
 * (functions/), `npm run remind` and, later, the objectives tracker's "Send reminders now".
 */
export * from './config';
export * from './email';
export * from './errors';
export * from './graphClient';
export * from './graphMail';
export * from './run';
export * from './sanitise';
