/**
 * Sending through Graph JSON batching (against a fake Graph behind fetch) and the idempotent
 * run over an in-memory reminder log.
 */
import { JSDOM } from 'jsdom';
import { createGraphClient, createSanitiser, GraphMailer, OutgoingMail, renderReminderEmail, ReminderRunError, runReminders } from '../../src/reminders';
import { periodById } from '../../src/domain/calendar';
import { FakeGraph } from './support/fakeGraph';
import { memoryRepositories } from './support/memory';
import { manyOfficers, objective, person, service } from './support/data';

const LINKS = { siteUrl: 'https://contoso.sharepoint.com/sites/ssm' };
const TODAY = '2022-03-01'; // Q4 2021/22, round 1
const noSleep = jest.fn(async (_ms: number) => undefined);

function setup(graph = new FakeGraph(), options: { maxRetries?: number } = {}): { graph: FakeGraph; mailer: GraphMailer } {
  const client = createGraphClient({ baseUrl: 'https://graph.example.test', getToken: async () => 'token-1', fetch: graph.fetch });
  return { graph, mailer: new GraphMailer(client, { sender: { kind: 'mailbox', address: 'performance@example.gov.uk' }, sleep: noSleep, ...options }) };
}

const mails = (n: number): OutgoingMail[] =>
  Array.from({ length: n }, (_, i) => ({ key: `k${i}`, to: [`officer${i}@example.gov.uk`], cc: [], subject: 'Reminder', html: '<p>Hi</p>' }));

beforeEach(() => noSleep.mockClear());

describe('GraphMailer', () => {
  it('sends 1,000 emails in 50 $batch requests of at most 20, as the shared mailbox, with a bearer token', async () => {
    const { graph, mailer } = setup();
    const outcomes = await mailer.sendAll(mails(1000));
    expect(graph.batchPosts).toBeLessThanOrEqual(50);
    expect(Math.max(...graph.batchSizes)).toBeLessThanOrEqual(20);
    expect(graph.outbox).toHaveLength(1000);
    expect(new Set(graph.outbox.map((m) => m.to[0])).size).toBe(1000);
    expect(graph.outbox.every((m) => m.from === 'performance@example.gov.uk')).toBe(true);
    expect(graph.authHeaders.every((h) => h === 'Bearer token-1')).toBe(true);
    expect(outcomes.every((o) => o.status === 'sent')).toBe(true);
  });

  it('resends only throttled items, after the longest Retry-After, without duplicates', async () => {
    const { graph, mailer } = setup();
    const seen = new Map<string, number>();
    graph.decide = (_item, to) => {
      const n = (seen.get(to) ?? 0) + 1;
      seen.set(to, n);
      // Every third recipient is throttled twice, with different Retry-After values.
      if (Number(/officer(\d+)/.exec(to)?.[1]) % 3 === 0 && n <= 2) return { status: 429, retryAfter: n === 1 ? '7' : '2' };
      return undefined;
    };
    const outcomes = await mailer.sendBatch(mails(20));
    expect(outcomes.every((o) => o.status === 'sent')).toBe(true);
    expect(graph.outbox).toHaveLength(20);
    expect(new Set(graph.outbox.map((m) => m.to[0])).size).toBe(20);
    // 7 throttled items (0, 3, ..., 18): first batch 20 items, then 7, then 7.
    expect(graph.batchSizes).toEqual([20, 7, 7]);
    expect(noSleep.mock.calls.map((c) => c[0])).toEqual([7000, 2000]);
  });

  it('gives up on an item that stays throttled after the retry limit and reports it failed', async () => {
    const { graph, mailer } = setup(new FakeGraph(), { maxRetries: 2 });
    graph.decide = (_item, to) => (to === 'officer1@example.gov.uk' ? { status: 503, retryAfter: '1' } : undefined);
    const outcomes = await mailer.sendBatch(mails(3));
    expect(outcomes.map((o) => o.status)).toEqual(['sent', 'failed', 'sent']);
    expect(graph.batchSizes).toEqual([3, 1, 1]);
    expect(graph.outbox.map((m) => m.to[0])).toEqual(['officer0@example.gov.uk', 'officer2@example.gov.uk']);
  });

  it('says in the log detail how many retries it made, in the singular for one', async () => {
    for (const [maxRetries, wording] of [[1, 'still throttled after 1 retry)'], [2, 'still throttled after 2 retries)']] as const) {
      const { graph, mailer } = setup(new FakeGraph(), { maxRetries });
      graph.decide = () => ({ status: 429, retryAfter: '1' });
      const [outcome] = await mailer.sendBatch(mails(1));
      expect(outcome).toMatchObject({ status: 'failed', detail: `Not sent: Microsoft Graph is busy (${wording}.` });
    }
  });

  it('does not retry an item Graph refused, and retries a whole throttled batch', async () => {
    const { graph, mailer } = setup();
    graph.outerFailure = { status: 429, retryAfter: '3' };
    graph.decide = (_item, to) => (to === 'officer0@example.gov.uk' ? { status: 400 } : undefined);
    const outcomes = await mailer.sendBatch(mails(2));
    expect(outcomes[0]).toMatchObject({ status: 'failed', httpStatus: 400 });
    expect(outcomes[1].status).toBe('sent');
    expect(graph.batchPosts).toBe(2);
    expect(noSleep.mock.calls.map((c) => c[0])).toEqual([3000]);
  });

  it('reports a batch with no answer as unknown rather than failed', async () => {
    const client = createGraphClient({ baseUrl: 'https://graph.example.test', getToken: async () => 't', fetch: (async () => { throw new TypeError('fetch failed'); }) as typeof fetch });
    const mailer = new GraphMailer(client, { sender: { kind: 'me' }, sleep: noSleep });
    const outcomes = await mailer.sendBatch(mails(2));
    expect(outcomes.map((o) => o.status)).toEqual(['unknown', 'unknown']);
  });

  it('sends as the signed-in user for delegated runs', async () => {
    const graph = new FakeGraph();
    const client = createGraphClient({ baseUrl: 'https://graph.example.test', getToken: async () => 't', fetch: graph.fetch });
    await new GraphMailer(client, { sender: { kind: 'me' }, sleep: noSleep }).sendBatch(mails(1));
    expect(graph.outbox[0].from).toBe('me');
  });
});

describe('reminder email', () => {
  const plan = { period: periodById('2021-22-Q4'), round: { round: 4, startsOn: '2022-03-17', escalation: true } };
  const officer = {
    email: 'a@example.gov.uk',
    displayName: '<img src=x onerror=alert(1)>',
    objectives: [{ id: 7, title: 'Fix <script>alert("x")</script> & more', serviceId: 1 }],
    risks: [{ id: 8, title: 'Risk "quoted"', reviewDate: '2022-03-01' }],
    measures: [],
    cc: []
  };

  it('escapes every value typed by users and links to the update screens', () => {
    const { subject, html } = renderReminderEmail(officer, plan, LINKS, () => 'ICT <b>');
    expect(html).not.toMatch(/<script|<img|<b>/);
    expect(html).toContain('Fix &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).toContain('href="https://contoso.sharepoint.com/sites/ssm/SitePages/Objectives.aspx?update=7"');
    expect(html).toContain('href="https://contoso.sharepoint.com/sites/ssm/SitePages/Risks.aspx?review=8"');
    expect(html).toContain('1 March 2022');
    expect(subject).toBe('Overdue: quarterly updates for Q4 2021/22 (January to March 2022), annual review were due on 10 March 2022');
  });

  it('uses configured link templates and refuses non-http ones', () => {
    const { html } = renderReminderEmail(officer, plan, { ...LINKS, objective: '{siteUrl}/SitePages/Tracker.aspx?obj={id}' });
    expect(html).toContain('/SitePages/Tracker.aspx?obj=7');
    expect(() => renderReminderEmail(officer, plan, { ...LINKS, objective: 'javascript:alert({id})' })).toThrow(/not an http/);
  });

  it('keeps links and text through DOMPurify (jsdom) and strips anything else', () => {
    const sanitise = createSanitiser(new JSDOM('').window as unknown as Parameters<typeof createSanitiser>[0]);
    const { html } = renderReminderEmail(officer, plan, LINKS, undefined, sanitise);
    expect(html).toContain('href="https://contoso.sharepoint.com/sites/ssm/SitePages/Objectives.aspx?update=7"');
    expect(sanitise('<p onclick="x()">a<script>b</script><a href="javascript:c">d</a></p>')).toBe('<p>a<a>d</a></p>');
  });
});

describe('runReminders (in-memory log)', () => {
  const run = (repos: ReturnType<typeof memoryRepositories>, mailer: GraphMailer, extra: Partial<Parameters<typeof runReminders>[0]> = {}): ReturnType<typeof runReminders> =>
    runReminders({ repositories: repos, mailer, today: TODAY, links: LINKS, now: () => new Date('2022-03-01T08:00:00Z'), sleep: noSleep, ...extra });

  it('sends 1,000 officers one email each in at most 50 batches, logs each Sent, and a rerun sends nothing', async () => {
    const repos = memoryRepositories(manyOfficers(1000));
    const { graph, mailer } = setup();
    const first = await run(repos, mailer);
    expect(first.sent).toHaveLength(1000);
    expect(first.batchRequests).toBeLessThanOrEqual(50);
    expect(graph.outbox).toHaveLength(1000);
    expect(repos.reminderLog.items.every((e) => e.status === 'Sent' && e.round === 1 && e.periodId === '2021-22-Q4')).toBe(true);
    expect(repos.reminderLog.items[0].detail).toMatch(/req-/);
    const second = await run(repos, mailer);
    expect(second.sent).toEqual([]);
    expect(second.alreadySent).toHaveLength(1000);
    expect(graph.outbox).toHaveLength(1000);
  });

  it('dry run plans and reads the log but writes and sends nothing', async () => {
    const repos = memoryRepositories(manyOfficers(3));
    const { graph, mailer } = setup();
    const result = await run(repos, mailer, { dryRun: true });
    expect(result.decisions.map((d) => d.decision)).toEqual(['send', 'send', 'send']);
    expect(repos.reminderLog.writes).toBe(0);
    expect(graph.batchPosts).toBe(0);
  });

  it('resends Failed entries on the next run, and sends a new round once the schedule moves on', async () => {
    const repos = memoryRepositories(manyOfficers(4));
    const { graph, mailer } = setup();
    graph.decide = (_i, to) => (to === 'officer2@example.gov.uk' ? { status: 400 } : undefined);
    const first = await run(repos, mailer);
    expect(first.failed.map((f) => f.key)).toEqual(['officer2@example.gov.uk|2021-22-Q4|1']);
    graph.decide = undefined;
    const second = await run(repos, mailer);
    expect(second.sent).toEqual(['officer2@example.gov.uk|2021-22-Q4|1']);
    const third = await run(repos, mailer, { today: '2022-03-03' });
    expect(third.sent).toHaveLength(4);
    expect(graph.outbox.map((m) => m.to[0]).filter((t) => t === 'officer2@example.gov.uk')).toHaveLength(2);
  });

  it('after a crash between batches, a rerun sends exactly the rest: nobody twice, nobody skipped', async () => {
    const repos = memoryRepositories(manyOfficers(95));
    const { graph, mailer } = setup();
    await expect(
      run(repos, mailer, {
        onBatch: (n) => {
          if (n === 2) throw new Error('process killed');
        }
      })
    ).rejects.toThrow('process killed');
    expect(graph.outbox).toHaveLength(40);
    const rerun = await run(repos, mailer);
    expect(rerun.sent).toHaveLength(55);
    expect(graph.outbox).toHaveLength(95);
    expect(new Set(graph.outbox.map((m) => m.to[0])).size).toBe(95);
  });

  /** A mailer whose `lose`-th $batch reaches Graph (mail sent) but whose answer is lost. */
  function lossyMailer(graph: FakeGraph, lose: (call: number) => boolean): GraphMailer {
    let calls = 0;
    const lossy = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await graph.fetch(input, init);
      if (lose(++calls)) throw new TypeError('socket hang up');
      return res;
    }) as typeof fetch;
    const client = createGraphClient({ baseUrl: 'https://graph.example.test', getToken: async () => 't', fetch: lossy });
    return new GraphMailer(client, { sender: { kind: 'mailbox', address: 'performance@example.gov.uk' }, sleep: noSleep });
  }

  it("a lost answer under 'hold' leaves only that batch unconfirmed and the run goes on; later runs follow the policy", async () => {
    const repos = memoryRepositories(manyOfficers(45));
    const graph = new FakeGraph();
    // The first of three batches is lost: the two after it must still be sent.
    const mailer = lossyMailer(graph, (call) => call === 1);
    const crashed = await run(repos, mailer, { pendingPolicy: 'hold', sleep: noSleep }).then(
      () => undefined,
      (e: unknown) => e
    );
    expect(crashed).toBeInstanceOf(ReminderRunError);
    const first = (crashed as ReminderRunError<{ unconfirmed: unknown[]; sent: unknown[] }>).result;
    expect(first.unconfirmed).toHaveLength(20);
    expect(first.sent).toHaveLength(25);
    expect(repos.reminderLog.items.filter((e) => e.status === 'Pending')).toHaveLength(20);
    expect(graph.outbox).toHaveLength(45);

    const soon = await run(repos, mailer, { now: () => new Date('2022-03-01T08:10:00Z') });
    expect(soon.inProgress).toHaveLength(20);
    expect(soon.sent).toEqual([]);

    const held = await run(repos, mailer, { now: () => new Date('2022-03-01T12:00:00Z'), pendingPolicy: 'hold' });
    expect(held.unconfirmed).toHaveLength(20);
    expect(graph.outbox).toHaveLength(45);

    const resent = await run(repos, mailer, { now: () => new Date('2022-03-01T12:00:00Z') });
    expect(resent.sent).toHaveLength(20);
    // The documented cost of 'resend': the officers of the one batch in doubt get a second copy.
    expect(graph.outbox).toHaveLength(65);
  });

  it("a lost answer under 'resend' posts that batch again in the same run; the run finishes cleanly", async () => {
    const repos = memoryRepositories(manyOfficers(25));
    const graph = new FakeGraph();
    const mailer = lossyMailer(graph, (call) => call === 2);
    const result = await run(repos, mailer, { sleep: noSleep });
    expect(result.sent).toHaveLength(25);
    expect(result.unconfirmed).toEqual([]);
    expect(repos.reminderLog.items.every((e) => e.status === 'Sent')).toBe(true);
    // Graph had sent the lost batch (5 officers): resending it is the documented cost of 'resend'.
    expect(graph.outbox).toHaveLength(30);
  });

  it('two runs at once over one in-memory log send each officer once (the unique key refuses the second claim)', async () => {
    const repos = memoryRepositories(manyOfficers(100));
    const graph = new FakeGraph();
    const mailer = setup(graph).mailer;
    const [a, b] = await Promise.all([run(repos, mailer), run(repos, mailer)]);
    expect(a.sent.length + b.sent.length).toBe(100);
    expect(graph.outbox).toHaveLength(100);
    expect(new Set(graph.outbox.map((m) => m.to[0])).size).toBe(100);
  });

  it('does not send when the Pending entry cannot be written, and says so', async () => {
    const repos = memoryRepositories({ services: [service(1)], objectives: [objective(1, person(1)), objective(2, person(2))] });
    repos.reminderLog.failWrites = (kind, item) => (kind === 'add' && (item as { officerEmail?: string }).officerEmail === 'officer1@example.gov.uk' ? new Error('SharePoint unavailable') : undefined);
    const { graph, mailer } = setup();
    const result = await run(repos, mailer);
    expect(result.failed).toEqual([{ key: 'officer1@example.gov.uk|2021-22-Q4|1', detail: expect.stringMatching(/reminder log could not be written/) }]);
    expect(graph.outbox.map((m) => m.to[0])).toEqual(['officer2@example.gov.uk']);
  });
});
