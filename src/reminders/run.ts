/**
 * One reminder run: load the lists, plan, and send each officer at most one email per round,
 * recording every send in the Reminder log list before and after it.
 *
 * How the same round is not sent twice (Graph sendMail has no idempotency key):
 * - The log key is `${email}|${periodId}|${round}`. A key logged `Sent` is never sent again.
 * - Emails go out in batches of at most 20. Just before a batch is posted, its keys are logged
 *   `Pending`; as soon as Graph answers, each is updated to `Sent` (with Graph's request id) or
 *   `Failed` (with the reason). So after a crash at most one batch (20 officers) can be left
 *   `Pending`, and only those are in doubt.
 * - `Failed` is only written when Graph definitely did not send (it refused the item, or it
 *   stayed throttled: 429/503 items are not processed), so a rerun resends `Failed` keys.
 * - A `Pending` key younger than `pendingStaleMinutes` may belong to a run still in progress
 *   (the timer and the "Send reminders now" button at once): it is left alone this run.
 * - An older `Pending` key is "possibly sent": the process died, or lost the network, between
 *   posting the batch and recording Graph's answer. Policy `resend` (the default) sends it again:
 *   the worst case is a duplicate reminder for at most one batch of officers, which we judge
 *   better than an officer never being reminded before the committee deadline. Policy `hold`
 *   never resends it and reports it as `unconfirmed`, for a person to check the shared
 *   mailbox's Sent Items and then delete the log entry (to resend) or set it to Sent.
 * - Reclaiming an existing `Failed`/`Pending` entry is an update with its etag, so two runs
 *   racing for the same entry cannot both win; two runs adding a brand-new key at the same
 *   moment can (SharePoint has no unique constraint we can rely on), which is why the timer
 *   runs once a day at 08:00 and the button warns when a run is in progress.
 * Nobody is skipped: every planned officer ends the run as sent, already sent, in progress,
 * failed (retried next run) or unconfirmed, and the result lists each group.
 */
import { CalendarConfig, periodById } from '../domain/calendar';
import { OfficerReminder, ReminderPlan, ReminderSchedule, planReminders, reminderKey, reminderPeriod } from '../domain/reminders';
import type { ReminderLogEntry } from '../domain/types';
import { ConflictError } from '../data/errors';
import type { ListWrite, Repositories, WriteOutcome } from '../data/repositories';
import { ReminderLinks, renderReminderEmail } from './email';
import { GraphMailer, MailOutcome, OutgoingMail } from './graphMail';
import { ReminderRunError } from './errors';

/** What to do with a `Pending` entry older than the stale limit (see the file comment). */
export type PendingPolicy = 'resend' | 'hold';

/** Options of {@link runReminders}. */
export interface ReminderRunOptions {
  /** Data access (the PnPjs repositories, or fakes in tests). */
  readonly repositories: Pick<Repositories, 'loadInitial' | 'reminderLog'>;
  /** Sender; required unless `dryRun`. */
  readonly mailer?: GraphMailer;
  /** Today's date in the UK (YYYY-MM-DD). */
  readonly today: string;
  /** Clock for log timestamps and the stale test (default: the system clock). */
  readonly now?: () => Date;
  /** Period to remind about; default the one whose reminders are running today. */
  readonly periodId?: string;
  /** Reporting calendar. */
  readonly calendar?: Partial<CalendarConfig>;
  /** Reminder schedule (N, M). */
  readonly schedule?: Partial<ReminderSchedule>;
  /** Link targets in the email. */
  readonly links: ReminderLinks;
  /** Sanitiser applied to every email body (DOMPurify in production). */
  readonly sanitise?: (html: string) => string;
  /** Plan and read the log, but neither write nor send. */
  readonly dryRun?: boolean;
  /** What to do with stale `Pending` entries (default 'resend'). */
  readonly pendingPolicy?: PendingPolicy;
  /** Minutes after which a `Pending` entry is considered left behind by a dead run (default 60). */
  readonly pendingStaleMinutes?: number;
  /** Called after each batch is sent and logged (progress reporting; tests use it to stop a run). */
  readonly onBatch?: (batch: number, keys: readonly string[]) => void;
}

/** What the run decided for one officer. */
export type OfficerDecision = 'send' | 'resend' | 'alreadySent' | 'inProgress' | 'hold';

/** Outcome of a run. Every planned officer's key is in exactly one of the key lists. */
export interface ReminderRunResult {
  readonly plan: ReminderPlan;
  readonly dryRun: boolean;
  /** Decision per officer key (before sending). */
  readonly decisions: ReadonlyArray<{ key: string; officer: OfficerReminder; decision: OfficerDecision }>;
  /** Keys sent in this run. */
  readonly sent: string[];
  /** Keys already sent by an earlier run. */
  readonly alreadySent: string[];
  /** Keys another run is handling (recent Pending, or it claimed the entry first). */
  readonly inProgress: string[];
  /** Keys not sent: Graph refused them, or the log could not be written first. Retried next run. */
  readonly failed: Array<{ key: string; detail: string }>;
  /** Keys possibly sent but not confirmed: for a person to check. */
  readonly unconfirmed: Array<{ key: string; detail: string }>;
  /** Keys not attempted because the run stopped early. */
  readonly notAttempted: string[];
  /** `$batch` requests made to Graph. */
  readonly batchRequests: number;
}

const LOG_LISTS = ['services', 'objectives', 'updates', 'risks', 'measures', 'measureActuals', 'staffSurveys'] as const;

/** The entry that speaks for a key: any Sent one, else the latest attempt. */
function pickEntry(entries: readonly ReminderLogEntry[]): ReminderLogEntry {
  const sent = entries.find((e) => e.status === 'Sent');
  if (sent) return sent;
  return entries.slice().sort((a, b) => (a.attemptedOn < b.attemptedOn ? 1 : a.attemptedOn > b.attemptedOn ? -1 : b.id - a.id))[0];
}

/** Decides what to do with one key given its log entry. */
function decide(entry: ReminderLogEntry | undefined, now: number, staleMs: number, policy: PendingPolicy): OfficerDecision {
  if (!entry) return 'send';
  if (entry.status === 'Sent') return 'alreadySent';
  if (entry.status === 'Failed') return 'resend';
  const attempted = Date.parse(entry.attemptedOn);
  // An unreadable timestamp is treated as old: the entry cannot prove a run is still going.
  if (!isNaN(attempted) && now - attempted < staleMs) return 'inProgress';
  return policy === 'resend' ? 'resend' : 'hold';
}

/** Plans and (unless dry-run) sends one day's reminders. Throws ReminderRunError if it had to stop or could not log an outcome. */
export async function runReminders(options: ReminderRunOptions): Promise<ReminderRunResult> {
  const now = options.now ?? ((): Date => new Date());
  const period = options.periodId ? periodById(options.periodId, options.calendar) : reminderPeriod(options.today, options.calendar, options.schedule);
  const data = await options.repositories.loadInitial(LOG_LISTS);
  const plan = planReminders({ today: options.today, period, ...data, config: options.schedule });
  const result: ReminderRunResult = {
    plan,
    dryRun: !!options.dryRun,
    decisions: [],
    sent: [],
    alreadySent: [],
    inProgress: [],
    failed: [],
    unconfirmed: [],
    notAttempted: [],
    batchRequests: 0
  };
  const round = plan.round;
  if (!round || plan.officers.length === 0) return result;

  const byKey = new Map<string, ReminderLogEntry[]>();
  // Only this period's entries: the log grows every quarter, and Period is indexed.
  for (const e of await options.repositories.reminderLog.getForPeriod(period.id)) {
    const list = byKey.get(e.key) ?? [];
    list.push(e);
    byKey.set(e.key, list);
  }
  const staleMs = (options.pendingStaleMinutes ?? 60) * 60000;
  const policy = options.pendingPolicy ?? 'resend';
  const decisions = result.decisions as Array<{ key: string; officer: OfficerReminder; decision: OfficerDecision }>;
  const toSend: Array<{ key: string; officer: OfficerReminder; entry?: ReminderLogEntry }> = [];
  for (const officer of plan.officers) {
    const key = reminderKey(officer.email, period.id, round.round);
    const entries = byKey.get(key);
    const entry = entries ? pickEntry(entries) : undefined;
    const decision = decide(entry, now().getTime(), staleMs, policy);
    decisions.push({ key, officer, decision });
    if (decision === 'alreadySent') result.alreadySent.push(key);
    else if (decision === 'inProgress') result.inProgress.push(key);
    else if (decision === 'hold') result.unconfirmed.push({ key, detail: `Possibly sent on ${entry?.attemptedOn ?? 'an unknown date'}; check the shared mailbox's Sent Items.` });
    else toSend.push({ key, officer, entry });
  }
  if (options.dryRun || toSend.length === 0) return result;

  const mailer = options.mailer;
  if (!mailer) throw new Error('runReminders needs a mailer unless dryRun is set.');
  const serviceNames = new Map<number, string>();
  for (const s of data.services) serviceNames.set(s.id, s.name);
  const serviceName = (id: number | undefined): string | undefined => (id === undefined ? undefined : serviceNames.get(id));
  const logErrors: unknown[] = [];
  const batchesBefore = mailer.batchRequests;
  let batchNo = 0;
  let stopped = false;

  for (let i = 0; i < toSend.length; i += mailer.maxBatch) {
    const chunk = toSend.slice(i, i + mailer.maxBatch);
    if (stopped) {
      for (const c of chunk) result.notAttempted.push(c.key);
      continue;
    }
    // 1. Claim: log Pending before sending, the whole chunk in one $batch. A mail is only sent
    // once its claim is stored; a re-claimed entry is read back for the etag its outcome needs.
    const attemptedOn = now().toISOString();
    const fields = { status: 'Pending' as const, attemptedOn, detail: 'Sending' };
    const claimWrites: Array<ListWrite<ReminderLogEntry>> = chunk.map((c) =>
      c.entry
        ? { update: { id: c.entry.id, etag: c.entry.etag, ...fields } }
        : { add: { key: c.key, officerEmail: c.officer.email, periodId: period.id, round: round.round, ...fields } }
    );
    let claimOutcomes: Array<WriteOutcome<ReminderLogEntry>>;
    try {
      claimOutcomes = await options.repositories.reminderLog.saveMany(claimWrites, { readBack: true });
    } catch (e) {
      // The whole batch failed: nothing of this chunk was claimed, so nothing of it is sent.
      claimOutcomes = chunk.map(() => ({ ok: false, error: e }));
    }
    const claimed: Array<{ c: (typeof chunk)[number]; entry: ReminderLogEntry }> = [];
    claimOutcomes.forEach((outcome, k) => {
      const c = chunk[k];
      if (outcome.ok) claimed.push({ c, entry: outcome.item });
      else if (outcome.error instanceof ConflictError) result.inProgress.push(c.key);
      else result.failed.push({ key: c.key, detail: `Not sent: the reminder log could not be written (${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}).` });
    });
    if (claimed.length === 0) continue;

    // 2. Send.
    const mails: OutgoingMail[] = claimed.map(({ c }) => {
      const { subject, html } = renderReminderEmail(c.officer, plan, options.links, serviceName, options.sanitise);
      return { key: c.key, to: [c.officer.email], cc: c.officer.cc, subject, html };
    });
    const outcomes = await mailer.sendBatch(mails);

    // 3. Record what Graph said, as soon as it said it: the chunk's outcomes in one $batch.
    const settles: Array<ListWrite<ReminderLogEntry>> = [];
    claimed.forEach(({ c, entry }, k) => {
      const outcome: MailOutcome = outcomes[k];
      if (outcome.status === 'unknown') {
        // Left Pending on purpose: it may have been sent (see the file comment).
        result.unconfirmed.push({ key: c.key, detail: outcome.detail });
        stopped = true;
        return;
      }
      const settled =
        outcome.status === 'sent'
          ? { status: 'Sent' as const, detail: outcome.requestId ? `Graph request id ${outcome.requestId}` : 'Accepted by Microsoft Graph' }
          : { status: 'Failed' as const, detail: outcome.detail };
      if (outcome.status === 'sent') result.sent.push(c.key);
      else result.failed.push({ key: c.key, detail: outcome.detail });
      settles.push({ update: { id: entry.id, etag: entry.etag, ...settled, attemptedOn: now().toISOString() } });
    });
    try {
      for (const o of await options.repositories.reminderLog.saveMany(settles)) if (!o.ok) logErrors.push(o.error);
    } catch (e) {
      logErrors.push(e);
    }
    batchNo++;
    options.onBatch?.(batchNo, mails.map((m) => m.key));
  }
  const final: ReminderRunResult = { ...result, batchRequests: mailer.batchRequests - batchesBefore };
  if (stopped || logErrors.length > 0) {
    const reasons: string[] = [];
    if (stopped) reasons.push(`Microsoft Graph stopped answering; ${final.unconfirmed.length} reminders are unconfirmed and ${final.notAttempted.length} were not attempted`);
    if (logErrors.length > 0) reasons.push(`${logErrors.length} outcomes could not be recorded in the reminder log (they stay Pending)`);
    throw new ReminderRunError<ReminderRunResult>(`The reminder run did not finish cleanly: ${reasons.join('; ')}.`, final, logErrors);
  }
  return final;
}
