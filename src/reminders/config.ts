/**
 * Reminder settings from environment variables (Azure Functions app settings, or the shell
 * for `npm run remind`). The environment is passed in, so this file stays free of Node APIs.
 */
import type { CalendarConfig } from '../domain/calendar';
import { DEFAULT_REMINDER_SCHEDULE, ReminderSchedule } from '../domain/reminders';
import { DEFAULT_LINK_TEMPLATES, ReminderLinks } from './email';
import { ReminderConfigError } from './errors';
import type { PendingPolicy } from './run';
import { lazyStrings } from '../loc/lazy';
import { formatString } from '../components/format';

/** Every setting of the reminder job. */
export interface ReminderSettings {
  /** Absolute URL of the SharePoint site (SSM_SITE_URL). */
  readonly siteUrl: string;
  /** Shared mailbox the reminders are sent as (SSM_REMINDER_MAILBOX). */
  readonly mailbox: string;
  /** N and M (SSM_FIRST_REMINDER_DAYS, SSM_REPEAT_DAYS). */
  readonly schedule: ReminderSchedule;
  /** Calendar (SSM_FY_START_MONTH, SSM_DEADLINE_DAY); unset values take the calendar's defaults. */
  readonly calendar: Partial<CalendarConfig>;
  /** Link templates (SSM_LINK_OBJECTIVE, SSM_LINK_RISK, SSM_LINK_MEASURE). */
  readonly links: ReminderLinks;
  /** SSM_PENDING_POLICY: 'resend' (default) or 'hold'. */
  readonly pendingPolicy: PendingPolicy;
  /** SSM_PENDING_STALE_MINUTES (default 60). */
  readonly pendingStaleMinutes: number;
}

/** Environment variable names. */
export const REMINDER_ENV = {
  siteUrl: 'SSM_SITE_URL',
  mailbox: 'SSM_REMINDER_MAILBOX',
  firstReminderDaysBefore: 'SSM_FIRST_REMINDER_DAYS',
  repeatEveryDays: 'SSM_REPEAT_DAYS',
  fyStartMonth: 'SSM_FY_START_MONTH',
  deadlineDay: 'SSM_DEADLINE_DAY',
  linkObjective: 'SSM_LINK_OBJECTIVE',
  linkRisk: 'SSM_LINK_RISK',
  linkMeasure: 'SSM_LINK_MEASURE',
  pendingPolicy: 'SSM_PENDING_POLICY',
  pendingStaleMinutes: 'SSM_PENDING_STALE_MINUTES'
} as const;

type Env = Readonly<Record<string, string | undefined>>;

function required(env: Env, name: string): string {
  const v = env[name]?.trim();
  if (!v) throw new ReminderConfigError(name, formatString(lazyStrings.ReminderConfigRequired, name));
  return v;
}

function wholeNumber(env: Env, name: string, fallback: number | undefined, min: number): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new ReminderConfigError(name, formatString(lazyStrings.ReminderConfigWholeNumber, name, min, raw));
  return Number(raw);
}

/** Reads and validates the settings; `defaults` fills values a caller knows (e.g. the local host's site URL). */
export function reminderSettingsFromEnv(env: Env, defaults: Partial<Record<keyof typeof REMINDER_ENV, string>> = {}): ReminderSettings {
  const merged: Record<string, string | undefined> = {};
  for (const k of Object.keys(REMINDER_ENV) as Array<keyof typeof REMINDER_ENV>) merged[REMINDER_ENV[k]] = env[REMINDER_ENV[k]] ?? defaults[k];
  const siteUrl = required(merged, REMINDER_ENV.siteUrl).replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(siteUrl)) throw new ReminderConfigError(REMINDER_ENV.siteUrl, formatString(lazyStrings.ReminderConfigNotAddress, REMINDER_ENV.siteUrl, siteUrl));
  const mailbox = required(merged, REMINDER_ENV.mailbox);
  if (!/^[^@\s]+@[^@\s]+$/.test(mailbox)) throw new ReminderConfigError(REMINDER_ENV.mailbox, formatString(lazyStrings.ReminderConfigNotEmail, REMINDER_ENV.mailbox, mailbox));
  const policy = (merged[REMINDER_ENV.pendingPolicy] ?? 'resend').trim();
  if (policy !== 'resend' && policy !== 'hold') throw new ReminderConfigError(REMINDER_ENV.pendingPolicy, formatString(lazyStrings.ReminderConfigPendingPolicy, REMINDER_ENV.pendingPolicy, policy));
  const calendar: { fyStartMonth?: number; deadlineDay?: number } = {};
  const fy = wholeNumber(merged, REMINDER_ENV.fyStartMonth, undefined, 1);
  const day = wholeNumber(merged, REMINDER_ENV.deadlineDay, undefined, 1);
  if (fy !== undefined) calendar.fyStartMonth = fy;
  if (day !== undefined) calendar.deadlineDay = day;
  return {
    siteUrl,
    mailbox,
    schedule: {
      firstReminderDaysBefore: wholeNumber(merged, REMINDER_ENV.firstReminderDaysBefore, DEFAULT_REMINDER_SCHEDULE.firstReminderDaysBefore, 0) as number,
      repeatEveryDays: wholeNumber(merged, REMINDER_ENV.repeatEveryDays, DEFAULT_REMINDER_SCHEDULE.repeatEveryDays, 1) as number
    },
    calendar,
    links: {
      siteUrl,
      objective: merged[REMINDER_ENV.linkObjective] || DEFAULT_LINK_TEMPLATES.objective,
      risk: merged[REMINDER_ENV.linkRisk] || DEFAULT_LINK_TEMPLATES.risk,
      measure: merged[REMINDER_ENV.linkMeasure] || DEFAULT_LINK_TEMPLATES.measure
    },
    pendingPolicy: policy,
    pendingStaleMinutes: wholeNumber(merged, REMINDER_ENV.pendingStaleMinutes, 60, 1) as number
  };
}

/**
 * Today's date in the UK (Europe/London) for a moment: the timer fires at 08:00 UK time, and
 * reminder rounds are counted in UK days whatever the server's zone.
 */
export function ukToday(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
