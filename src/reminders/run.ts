/**
 * One reminder run: load the lists, plan, and send each officer at most one email per round,
 * recording every send in the Reminder log list before and after it.
 *
 * Why any number of runs at once (the timer, `npm run remind`, "Send reminders now") send each
 * officer at most once (Graph sendMail has no idempotency key):
 * - The log key is `${email}|${periodId}|${round}`, written to a claim column SharePoint keeps
 *   unique (EnforceUniqueValues). Claiming a new key is adding its entry `Pending`: of two runs
 *   adding the same key, SharePoint refuses the second, so only one of them sends.
 * - Claiming an existing `Failed` (or stale `Pending`) entry is an update with its etag: of two
 *   runs, the second gets a 412. A claim counts only once SharePoint has stored it.
 * - Just before each chunk (at most 20 officers) is claimed, its entries are read again, so a
 *   run that started earlier sees what the other runs did meanwhile and does not even try.
 * - A key logged `Sent` is never sent again. `Failed` is only written when Graph definitely did
 *   not send (it refused the item, or it stayed throttled), so those are resent.
 * - A `Pending` entry younger than `pendingStaleMinutes` belongs to a run in progress: left alone.
 *   An older one was left by a run that died, or lost Graph's answer, between sending and
 *   recording: "possibly sent". Policy `resend` (the default) sends it again: at worst a second
 *   reminder for the officers of one batch, which we judge better than an officer never being
 *   reminded before the committee deadline. Policy `hold` never resends it and reports it
 *   `unconfirmed`, for a person to check the shared mailbox's Sent Items and then delete the
 *   log entry (to resend) or set it to Sent.
 * - A connection error fails only its own batch: under `resend` the batch is posted again (a few
 *   times), under `hold` its officers are reported unconfirmed; either way the run goes on with
 *   the next chunk. Each claim carries the run's id, so after a lost answer from SharePoint the
 *   run tells its own stored claims from another run's.
 * Nobody is skipped: every planned officer ends the run as sent, already sent, in progress
 * elsewhere, failed (retried next run) or unconfirmed, and the result lists each group.
 */
import { CalendarConfig, periodById } from '../domain/calendar';
import { OfficerReminder, ReminderPlan, ReminderSchedule, planReminders, reminderKey, reminderPeriod } from '../domain/reminders';
import type { ReminderLogEntry } from '../domain/types';
import { ConflictError, DuplicateValueError } from '../data/errors';
import type { ListWrite, Repositories, WriteOutcome } from '../data/repositories';
import { ReminderLinks, renderReminderEmail } from './email';
import { GraphMailer, MailOutcome, OutgoingMail } from './graphMail';
import { ReminderRunError } from './errors';
import { lazyStrings } from '../loc/lazy';
import { formatCount, formatString } from '../components/format';

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
  /** How many times a batch whose connection failed is tried again under `resend` (default 3). */
  readonly connectionRetries?: number;
  /** Waits between those tries (default: real time); injectable so tests need no real time. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Identifies this run's claims in the log (default: a random id). */
  readonly runId?: string;
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

const defaultSleep = (ms: number): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A random id for a run's claims (crypto.randomUUID where there is one: Node 22 and browsers). */
function newRunId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return c?.randomUUID ? c.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** Message of an unknown thrown value. */
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Plans and (unless dry-run) sends one day's reminders. Throws ReminderRunError if some outcomes stay unconfirmed or could not be logged. */
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
    batchRequests: 0
  };
  const round = plan.round;
  if (!round || plan.officers.length === 0) return result;

  const log = options.repositories.reminderLog;
  const known = new Map<string, ReminderLogEntry>();
  const remember = (entries: readonly ReminderLogEntry[]): void => {
    const byKey = new Map<string, ReminderLogEntry[]>();
    for (const e of entries) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
    byKey.forEach((list, key) => known.set(key, pickEntry(list)));
  };
  // Only this period's entries: the log grows every quarter, and Period is indexed.
  remember(await log.getForPeriod(period.id));
  const staleMs = (options.pendingStaleMinutes ?? 60) * 60000;
  const policy = options.pendingPolicy ?? 'resend';
  const runId = options.runId ?? newRunId();
  const decisions = result.decisions as Array<{ key: string; officer: OfficerReminder; decision: OfficerDecision }>;
  const heldDetail = (entry: ReminderLogEntry | undefined): string => formatString(lazyStrings.ReminderLogPossiblySent, entry?.attemptedOn ?? lazyStrings.ReminderLogUnknownDate);
  /** Files a key under a decision that sends nothing; false when it is to be sent. */
  const file = (key: string, decision: OfficerDecision, entry: ReminderLogEntry | undefined): boolean => {
    if (decision === 'alreadySent') result.alreadySent.push(key);
    else if (decision === 'inProgress') result.inProgress.push(key);
    else if (decision === 'hold') result.unconfirmed.push({ key, detail: heldDetail(entry) });
    else return false;
    return true;
  };
  const toSend: Array<{ key: string; officer: OfficerReminder }> = [];
  for (const officer of plan.officers) {
    const key = reminderKey(officer.email, period.id, round.round);
    const entry = known.get(key);
    const decision = decide(entry, now().getTime(), staleMs, policy);
    decisions.push({ key, officer, decision });
    if (!file(key, decision, entry)) toSend.push({ key, officer });
  }
  if (options.dryRun || toSend.length === 0) return result;

  const mailer = options.mailer;
  if (!mailer) throw new Error('runReminders needs a mailer unless dryRun is set.');
  const sleep = options.sleep ?? defaultSleep;
  const connectionRetries = options.connectionRetries ?? 3;
  const serviceNames = new Map<number, string>();
  for (const s of data.services) serviceNames.set(s.id, s.name);
  const serviceName = (id: number | undefined): string | undefined => (id === undefined ? undefined : serviceNames.get(id));
  const logErrors: unknown[] = [];
  const batchesBefore = mailer.batchRequests;
  let batchNo = 0;
  let lost = 0;

  for (let i = 0; i < toSend.length; i += mailer.maxBatch) {
    const chunk = toSend.slice(i, i + mailer.maxBatch);
    const claimed = await claimChunk(chunk);
    if (claimed.length === 0) continue;

    // 2. Send. A batch whose connection failed is posted again under `resend` (its claims are
    // still this run's), or reported unconfirmed under `hold`; the run goes on either way.
    const mails: OutgoingMail[] = claimed.map(({ c }) => {
      const { subject, html } = renderReminderEmail(c.officer, plan, options.links, serviceName, options.sanitise);
      return { key: c.key, to: [c.officer.email], cc: c.officer.cc, subject, html };
    });
    const outcomes = new Map<string, MailOutcome>();
    let pending = mails;
    for (let attempt = 0; pending.length > 0; attempt++) {
      for (const o of await mailer.sendBatch(pending)) outcomes.set(o.key, o);
      pending = pending.filter((m) => outcomes.get(m.key)?.status === 'unknown');
      if (pending.length === 0 || policy === 'hold' || attempt >= connectionRetries) break;
      await sleep(1000 * (attempt + 1));
    }

    // 3. Record what Graph said, as soon as it said it: the chunk's outcomes in one $batch.
    const settles: Array<ListWrite<ReminderLogEntry>> = [];
    for (const { c, entry } of claimed) {
      const outcome = outcomes.get(c.key) as MailOutcome;
      const at = now().toISOString();
      if (outcome.status === 'unknown') {
        // Left Pending on purpose: it may have been sent (see the file comment).
        result.unconfirmed.push({ key: c.key, detail: outcome.detail });
        lost++;
        settles.push({ update: { id: entry.id, etag: entry.etag, detail: formatString(lazyStrings.ReminderLogUnconfirmed, outcome.detail) } });
        continue;
      }
      const settled =
        outcome.status === 'sent'
          ? { status: 'Sent' as const, detail: outcome.requestId ? formatString(lazyStrings.ReminderLogGraphRequestId, outcome.requestId) : lazyStrings.ReminderLogAccepted }
          : { status: 'Failed' as const, detail: outcome.detail };
      if (outcome.status === 'sent') result.sent.push(c.key);
      else result.failed.push({ key: c.key, detail: outcome.detail });
      settles.push({ update: { id: entry.id, etag: entry.etag, ...settled, attemptedOn: at } });
    }
    try {
      for (const o of await log.saveMany(settles)) if (!o.ok) logErrors.push(o.error);
    } catch (e) {
      logErrors.push(e);
    }
    batchNo++;
    options.onBatch?.(batchNo, mails.map((m) => m.key));
  }
  const final: ReminderRunResult = { ...result, batchRequests: mailer.batchRequests - batchesBefore };
  if (lost > 0 || logErrors.length > 0) {
    const reasons: string[] = [];
    if (lost > 0) reasons.push(formatCount(lost, lazyStrings.ReminderRunLostOne, lazyStrings.ReminderRunLostMany));
    if (logErrors.length > 0) reasons.push(formatCount(logErrors.length, lazyStrings.ReminderRunNotRecordedOne, lazyStrings.ReminderRunNotRecordedMany));
    throw new ReminderRunError<ReminderRunResult>(formatString(lazyStrings.ReminderRunNotClean, reasons.join('; ')), final, logErrors);
  }
  return final;

  /**
   * 1. Claim a chunk: read its entries again, decide again, then store a Pending claim per
   * officer still to send (adds and etag updates in one $batch). Returns the claims stored.
   * A claim refused because another run got there first files the key as in progress; a claim
   * that failed otherwise (throttled out, connection lost) is tried again a few times, after
   * reading back which of this run's claims SharePoint did store.
   */
  async function claimChunk(
    chunk: ReadonlyArray<{ key: string; officer: OfficerReminder }>
  ): Promise<Array<{ c: { key: string; officer: OfficerReminder }; entry: ReminderLogEntry }>> {
    const claimed: Array<{ c: { key: string; officer: OfficerReminder }; entry: ReminderLogEntry }> = [];
    let open = chunk.slice();
    let lastError: Record<string, string> = {};
    for (let attempt = 0; open.length > 0 && attempt <= connectionRetries; attempt++) {
      if (attempt > 0) await sleep(1000 * attempt);
      try {
        remember(await log.getForKeys(open.map((c) => c.key)));
      } catch {
        // Without a fresh read the claim below is still safe (unique key, etags): it goes on
        // with what the run last read, and a claim another run holds is refused by SharePoint.
      }
      const writes: Array<ListWrite<ReminderLogEntry>> = [];
      const writers: Array<(typeof open)[number]> = [];
      for (const c of open) {
        const entry = known.get(c.key);
        if (entry && entry.status === 'Pending' && entry.runId === runId) {
          // Stored by this run in an attempt whose answer was lost.
          claimed.push({ c, entry });
          continue;
        }
        const decision = decide(entry, now().getTime(), staleMs, policy);
        if (file(c.key, decision, entry)) continue;
        const fields = { status: 'Pending' as const, attemptedOn: now().toISOString(), detail: lazyStrings.ReminderLogSending, runId };
        writes.push(
          entry
            ? { update: { id: entry.id, etag: entry.etag, ...fields } }
            : { add: { key: c.key, officerEmail: c.officer.email, periodId: period.id, round: (round as { round: number }).round, ...fields } }
        );
        writers.push(c);
      }
      if (writes.length === 0) return claimed;
      let outcomes: Array<WriteOutcome<ReminderLogEntry>>;
      try {
        outcomes = await log.saveMany(writes, { readBack: true });
      } catch (e) {
        outcomes = writes.map(() => ({ ok: false, error: e }));
      }
      const retry: typeof open = [];
      lastError = {};
      outcomes.forEach((outcome, k) => {
        const c = writers[k];
        if (outcome.ok) claimed.push({ c, entry: outcome.item });
        else if (outcome.error instanceof ConflictError || outcome.error instanceof DuplicateValueError) result.inProgress.push(c.key);
        else {
          retry.push(c);
          lastError[c.key] = messageOf(outcome.error);
        }
      });
      open = retry;
    }
    for (const c of open) result.failed.push({ key: c.key, detail: formatString(lazyStrings.ReminderLogNotWritten, lastError[c.key] ?? lazyStrings.ReminderLogNoAnswer) });
    return claimed;
  }
}
