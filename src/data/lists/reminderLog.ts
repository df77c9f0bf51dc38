/** Every reminder sent, recorded before and after sending. */
import { REMINDER_STATUSES } from '../../domain/vocabularies';
import type { ReminderLogEntry } from '../../domain/types';
import { declareList, derivedField, field } from './declare';

/** The reminderLog list. */
export const reminderLogList = declareList<ReminderLogEntry>()({
  key: 'reminderLog',
  titleKey: 'key',
  title: 'SSM Reminder Log',
  url: 'Lists/SSMReminderLog',
  description: 'Every reminder sent, recorded before and after sending.',
  majorVersionLimit: 100,
  titleDisplayName: 'Key',
  fields: [
    field({ key: 'officerEmail', internalName: 'OfficerEmail', displayName: 'Officer email', type: 'Text', required: true, indexed: true, maxLength: 255 }),
    field({ key: 'periodId', internalName: 'Period', displayName: 'Reporting period', type: 'Text', required: true, indexed: true, maxLength: 20 }),
    field({ key: 'round', internalName: 'Round', displayName: 'Round', type: 'Integer', required: true, min: 1 }),
    field({ key: 'status', internalName: 'SendStatus', displayName: 'Status', type: 'Choice', choices: REMINDER_STATUSES, required: true }),
    field({ key: 'detail', internalName: 'Detail', displayName: 'Detail', type: 'Note' }),
    field({ key: 'attemptedOn', internalName: 'AttemptedOn', displayName: 'Attempted on', type: 'DateTime', required: true }),
    field({ key: 'runId', internalName: 'RunId', displayName: 'Run', type: 'Text', maxLength: 64 })
  ],
  derivedKeys: [
    // The claim: only one run can create the entry of an officer, period and round.
    derivedField({ key: 'claimKey', internalName: 'ClaimKey', displayName: 'Claim', type: 'Text', indexed: true, unique: true, maxLength: 255, derivedFrom: ['key'], description: 'Set by the product: one entry per officer, period and round.' })
  ],
  repository: 'reminderLog',
  sample: 'none'
});
