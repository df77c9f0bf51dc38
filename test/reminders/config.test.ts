/** Reminder settings from the environment, and the UK date the timer works in. */
import { reminderSettingsFromEnv, ukToday } from '../../src/reminders';

const base = { SSM_SITE_URL: 'https://contoso.sharepoint.com/sites/ssm/', SSM_REMINDER_MAILBOX: 'performance@contoso.gov.uk' };

describe('reminderSettingsFromEnv', () => {
  it('applies the documented defaults: 14 days, then every 7; resend after 60 minutes', () => {
    const s = reminderSettingsFromEnv(base);
    expect(s.siteUrl).toBe('https://contoso.sharepoint.com/sites/ssm');
    expect(s.schedule).toEqual({ firstReminderDaysBefore: 14, repeatEveryDays: 7 });
    expect(s.pendingPolicy).toBe('resend');
    expect(s.pendingStaleMinutes).toBe(60);
    expect(s.calendar).toEqual({});
    expect(s.links.objective).toBe('{siteUrl}/SitePages/Objectives.aspx?update={id}');
  });

  it('reads N, M, the calendar, link templates and the pending policy', () => {
    const s = reminderSettingsFromEnv({
      ...base,
      SSM_FIRST_REMINDER_DAYS: '21',
      SSM_REPEAT_DAYS: '3',
      SSM_FY_START_MONTH: '1',
      SSM_DEADLINE_DAY: '15',
      SSM_LINK_OBJECTIVE: '{siteUrl}/SitePages/Update.aspx?o={id}',
      SSM_PENDING_POLICY: 'hold'
    });
    expect(s.schedule).toEqual({ firstReminderDaysBefore: 21, repeatEveryDays: 3 });
    expect(s.calendar).toEqual({ fyStartMonth: 1, deadlineDay: 15 });
    expect(s.links.objective).toBe('{siteUrl}/SitePages/Update.aspx?o={id}');
    expect(s.pendingPolicy).toBe('hold');
  });

  it('names the setting at fault', () => {
    expect(() => reminderSettingsFromEnv({ SSM_REMINDER_MAILBOX: 'a@b.c' })).toThrow('The setting SSM_SITE_URL is required for reminders.');
    expect(() => reminderSettingsFromEnv({ ...base, SSM_REPEAT_DAYS: '0' })).toThrow(/SSM_REPEAT_DAYS must be a whole number of at least 1/);
    expect(() => reminderSettingsFromEnv({ ...base, SSM_REMINDER_MAILBOX: 'nobody' })).toThrow(/must be an email address/);
    expect(() => reminderSettingsFromEnv({ ...base, SSM_PENDING_POLICY: 'maybe' })).toThrow(/"resend" or "hold"/);
  });
});

describe('ukToday', () => {
  it('uses the UK date, including British Summer Time', () => {
    expect(ukToday(new Date('2022-06-30T23:30:00Z'))).toBe('2022-07-01'); // 00:30 BST
    expect(ukToday(new Date('2022-12-31T23:30:00Z'))).toBe('2022-12-31'); // 23:30 GMT
  });
});
