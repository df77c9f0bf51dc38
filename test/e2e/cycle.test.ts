/**
 * One year of the monitoring cycle in Chromium against the local host, as the framework report
 * sets it (paragraphs 11-15): the sample site holds 2021-22, and this test runs 2022-23. Before
 * each of the four meetings of the forward plan the officers update their objectives and enter
 * the quarter's measure actuals, the service lead writes the general update in the highlight
 * report, and a staff survey (every other quarter), a budget line, best practice, a lesson and
 * (on the benefits tracker's Successes tab) a success are entered; then the editor generates
 * each report the meeting receives, checks every section the framework names for that kind has
 * content on screen, publishes it, and the published snapshot is read back and checked the
 * same way.
 *
 * Through the screen, each quarter: the officer persona (the responsible officer of the sample
 * workbench, who also leads her service), signed in by the host's `ssm-user` cookie, with the
 * workbench's clock (`?today=`) and the host's a week before the meeting or on the quarter's
 * update deadline if that is earlier, opens the objectives tracker's
 * "Update my objectives" panel, writes the progress update of her service's first objective,
 * picks its status and RAG, saves and sees the "update saved" confirmation; then, on the
 * tracker's Measures tab, she enters the quarter's actual of her service's first measure with a
 * comment and sees it in the measure's row. The lead writes the general update in the highlight
 * report, and the editor adds the year's success on the benefits tracker. The other officers'
 * objective updates and measure actuals (every other service's, and her service's other
 * measures), the staff surveys, the other services' general updates, the budget line, best
 * practice and the lesson go straight to the host's SharePoint REST API as each persona (their
 * screens have component tests of their own), built by the product's own field mapping so the
 * rows are what the repositories would write. The quarterly report's checks include the
 * officer's screen-entered update and actual by their words and value.
 */
import type { Config } from '@jest/types';
import type { Locator, Page } from 'playwright-core';
import { personas, sampleData } from '../../local/sample-data';
import { BUILT_IN, restName, SCHEMA } from '../../src/data/schema';
import { fromItem, toItem } from '../../src/data/mapping';
import { unpackModel } from '../../src/data/snapshotCodec';
import type { ListKey } from '../../src/data/lists';
import { periodFor, type ReportingPeriod } from '../../src/domain/calendar';
import type { ReportKind, ReportModel } from '../../src/domain/report';
import type { CommitteePaper } from '../../src/domain/types';
import { useE2e } from './support/harness';

// The sample data as written (2021/22), not moved to today: this test runs the year after it.
const e2e = useE2e({ name: 'cycle', seed: sampleData });

/** The meetings of the 2022-23 forward plan, as the sample committee meetings list holds them. */
const MEETINGS = sampleData.committeeMeetings.filter((m) => m.meetingDate >= '2022-04-01' && m.meetingDate < '2023-04-01');

const editor = sampleData.users.find((u) => u.id === personas.find((p) => p.role === 'editor')?.userId);
const lead = sampleData.users.find((u) => u.id === personas.find((p) => p.role === 'serviceLead')?.userId);
/** The workbench's responsible officer persona, who updates her objective and measure on screen. */
const officer = sampleData.users.find((u) => u.id === personas.find((p) => p.role === 'officer')?.userId);
/** Her first open objective, updated on screen each quarter (in place of its REST update). */
const officerObjective = sampleData.objectives.find((o) => o.responsibleOfficer?.id === officer?.id && o.status !== 'Complete');
/** The service of that objective; she leads it, so she may enter its measures' actuals. */
const officerService = sampleData.services.find((s) => s.id === officerObjective?.serviceId);
/** The first measure of her service, whose actual she enters on screen each quarter. */
const officerMeasure = sampleData.measures.find((m) => m.serviceId === officerService?.id);
/** The service the lead persona leads. */
const leadService = sampleData.services.find((s) => s.serviceLead?.id === lead?.id);

/** Request digests by persona: the host, like SharePoint, refuses a POST without one. */
const digests = new Map<string, string>();

/** The request digest of `persona`, from the host's contextinfo. */
async function digestOf(persona: string): Promise<string> {
  const known = digests.get(persona);
  if (known) return known;
  const response = await fetch(`${e2e().host.webUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json;odata=nometadata', Cookie: `ssm-user=${encodeURIComponent(persona)}` } });
  const digest = ((await response.json()) as { FormDigestValue: string }).FormDigestValue;
  digests.set(persona, digest);
  return digest;
}

/** Adds one item as `persona` through the host's REST API, mapped by the product's schema. */
async function addItem(list: ListKey, model: Record<string, unknown>, persona: string): Promise<void> {
  const digest = await digestOf(persona);
  const response = await fetch(`${e2e().host.webUrl}/_api/web/lists/getbytitle('${encodeURIComponent(SCHEMA[list].title)}')/items`, {
    method: 'POST',
    headers: {
      Accept: 'application/json;odata=nometadata',
      'Content-Type': 'application/json;odata=nometadata',
      Cookie: `ssm-user=${encodeURIComponent(persona)}`,
      'X-RequestDigest': digest
    },
    body: JSON.stringify(toItem(list, model))
  });
  if (response.status !== 201) throw new Error(`Adding to ${list} failed with ${response.status}: ${await response.text()}`);
}

/** Every published snapshot's model, read back from the host. */
async function publishedModels(): Promise<ReportModel[]> {
  const field = SCHEMA.snapshots.fields.find((f) => f.key === 'model');
  if (!field) throw new Error('The snapshots list declares no model field.');
  const response = await fetch(`${e2e().host.webUrl}/_api/web/lists/getbytitle('${encodeURIComponent(SCHEMA.snapshots.title)}')/items?$select=${field.internalName}&$top=500`, {
    headers: { Accept: 'application/json;odata=nometadata', Cookie: `ssm-user=${encodeURIComponent(editor?.email ?? '')}` }
  });
  const body = (await response.json()) as { value: Record<string, unknown>[] };
  // The product's own mapping reads the column; the codec unpacks what it holds.
  return Promise.all(body.value.map(async (row) => (await unpackModel(fromItem<{ model: unknown }>('snapshots', row).model)) as ReportModel));
}

/** The files of the committee papers library, read through the product's own mapping. */
async function storedPapers(): Promise<CommitteePaper[]> {
  const select = [...SCHEMA.committeePapers.fields.map(restName), BUILT_IN.fileRef].join(',');
  const response = await fetch(`${e2e().host.webUrl}/_api/web/lists/getbytitle('${encodeURIComponent(SCHEMA.committeePapers.title)}')/items?$select=${select}&$top=500`, {
    headers: { Accept: 'application/json;odata=nometadata', Cookie: `ssm-user=${encodeURIComponent(editor?.email ?? '')}` }
  });
  const body = (await response.json()) as { value: Record<string, unknown>[] };
  return body.value.map((row) => ({ ...fromItem<CommitteePaper>('committeePapers', row), fileUrl: String(row[BUILT_IN.fileRef]) }));
}

/** Text of rich text HTML, for comparing with what the screen shows. */
function plain(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Picks `option` in the Fluent dropdown labelled `label` inside `scope`. */
async function pick(page: Page, scope: Locator, label: string, option: string | RegExp): Promise<void> {
  // A dropdown's accessible name ends with its value ("Report Highlight report"): find it by its label.
  // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
  const labelId = await scope.locator('label').filter({ hasText: new RegExp(`^${escape(label)}\\s*\\*?$`) }).first().getAttribute('id');
  if (!labelId) throw new Error(`No dropdown labelled ${label}.`);
  await scope.locator(`[role="combobox"][aria-labelledby^="${labelId}"]`).click();
  await page.getByRole('option', { name: option }).click();
}

/**
 * Asserts that every section the framework names for `kind` has content in `model`, for every
 * service (`lead`'s content, typed in this test, checked by its words).
 */
function expectSections(model: ReportModel, kind: ReportKind, periodId: string, typed: Typed): void {
  expect(model.kind).toBe(kind);
  expect(model.period.id).toBe(periodId);
  expect(model.services.length).toBe(sampleData.services.length);
  switch (kind) {
    case 'highlight':
      // Every meeting: an update from each service on key points of action and an overview of activity.
      for (const s of model.services) {
        expect({ service: s.name, keyPoints: plain(s.highlight?.keyPoints ?? '') !== '', overview: plain(s.highlight?.activityOverview ?? '') !== '' }).toEqual({ service: s.name, keyPoints: true, overview: true });
      }
      expect(plain(model.services.find((s) => s.id === leadService?.id)?.highlight?.keyPoints ?? '')).toContain(typed.keyPoints);
      return;
    case 'quarterly':
      // For each service: objectives and measures; the benefits overview and risk register
      // across the services (the sample has services with no benefit or open risk yet).
      for (const s of model.services) {
        expect({ service: s.name, updated: s.objectives.some((o) => o.updatedThisPeriod), measured: s.measures.some((m) => m.actual !== undefined), staff: s.staffSurvey !== undefined }).toEqual({
          service: s.name,
          updated: true,
          measured: true,
          staff: true
        });
      }
      // The officer's update and actual, entered on screen, by their words and value.
      {
        const own = model.services.find((s) => s.id === officerService?.id);
        const objective = own?.objectives.find((o) => o.id === officerObjective?.id);
        expect({ updated: objective?.updatedThisPeriod, rag: objective?.rag, author: objective?.update?.author, narrative: plain(objective?.update?.narrative ?? '').includes(typed.narrative) }).toEqual({
          updated: true,
          rag: typed.rag,
          author: officer?.displayName,
          narrative: true
        });
        expect(own?.measures.find((m) => m.id === officerMeasure?.id)?.actual).toBe(typed.actual);
      }
      expect(model.services.filter((s) => s.benefits.length > 0).length).toBeGreaterThan(0);
      expect(model.savings.byService.length).toBeGreaterThan(0);
      expect(model.topRisks.length).toBeGreaterThan(0);
      return;
    case 'annual':
      // Benefits realisation with quantitative performance, best practice, lessons learned, financial benefits.
      for (const s of model.services) expect({ service: s.name, year: s.measures.some((m) => m.year.some((q) => q.actual !== undefined)) }).toEqual({ service: s.name, year: true });
      expect(model.services.filter((s) => s.benefits.length > 0).length).toBeGreaterThan(0);
      expect(model.savings.planned).toBeGreaterThan(0);
      expect(model.savings.byCouncil.length).toBeGreaterThan(0);
      expect(model.budget?.sharedBudget).toBeGreaterThan(0);
      expect(model.budget?.savingsApproved).toBeGreaterThan(0);
      expect(model.budget?.byCouncil.length).toBeGreaterThan(1);
      expect((model.bestPractice ?? []).map((b) => b.title)).toContain(typed.bestPractice);
      expect((model.lessonsLearned ?? []).map((l) => l.title)).toContain(typed.lesson);
      // Areas of success and achievements: the success the editor added on screen, under its service.
      expect((model.services.find((s) => s.id === leadService?.id)?.successes ?? []).map((x) => x.title)).toContain(typed.success);
      return;
  }
}

/** What the test typed on screen, checked in the published reports. */
interface Typed {
  keyPoints: string;
  bestPractice: string;
  lesson: string;
  success: string;
  /** The officer's progress update of the quarter (plain text). */
  narrative: string;
  /** The RAG she picked. */
  rag: 'Green' | 'Amber';
  /** The actual she entered for her measure. */
  actual: number;
}

/** Every timer function jest could fake but Date: the host and playwright keep their real timers. */
const NOT_DATE: Config.FakeableAPI[] = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'];
/** Report picker names of each kind. */
const KIND_NAMES: Record<ReportKind, string> = { highlight: 'Highlight report', quarterly: 'Quarterly performance report', annual: 'Annual review' };

/** Moves the clock of this process (so the in-process host's) to noon UTC of `day`; it keeps running. */
function setHostClock(day: string): void {
  // A digest is valid for a while after it was issued: the ones held are from another day.
  digests.clear();
  jest.useFakeTimers({ now: new Date(`${day}T12:00:00Z`), advanceTimers: true, doNotFake: NOT_DATE });
}

/** The day a week before `day` (YYYY-MM-DD). */
function weekBefore(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 7);
  return d.toISOString().slice(0, 10);
}

describe('one year of the monitoring cycle', () => {
  afterAll(() => {
    jest.useRealTimers();
  });

  it('runs the four meetings of 2022-23: updates entered, each meeting’s reports generated, checked and published', async () => {
    if (!editor || !lead || !leadService) throw new Error('The sample data has no editor, no service lead persona or no service for the lead.');
    if (!officer || !officerObjective || !officerService || !officerMeasure || officerService.serviceLead?.id !== officer.id) {
      throw new Error('The sample data has no officer persona with an open objective in a service she leads, or that service has no measure.');
    }
    expect(MEETINGS.map((m) => m.reports)).toEqual([
      ['highlight', 'quarterly'],
      ['highlight', 'quarterly'],
      ['highlight', 'quarterly'],
      ['highlight', 'annual']
    ]);
    const leadPage = (await e2e().open('/?webpart=highlightReport', { persona: lead.email })).page;
    const editorPage = (await e2e().open('/?webpart=highlightReport', { persona: editor.email })).page;
    const typed = {
      keyPoints: '',
      bestPractice: 'Joint procurement of the telephony contract',
      lesson: 'Agree the data-sharing agreement before the go-live date',
      success: 'One telephony contract for both councils',
      narrative: '',
      rag: 'Green' as Typed['rag'],
      actual: 0
    };

    for (const [index, meeting] of MEETINGS.entries()) {
      const period = periodFor(meeting.meetingDate);
      const officerOf = (serviceId: number): string => sampleData.objectives.find((o) => o.serviceId === serviceId && o.responsibleOfficer)?.responsibleOfficer?.email ?? editor.email;

      // The officer persona, on screen, a week before the meeting or on the quarter's update
      // deadline if that is earlier (the host's clock and the workbench's both): her quarterly
      // update, then her measure's actual.
      const officerDay = weekBefore(meeting.meetingDate) < period.deadline ? weekBefore(meeting.meetingDate) : period.deadline;
      await officerUpdates(period, officerDay, index, typed);
      // The host runs in this process: its clock is moved to the week before the meeting, so
      // what is entered now is dated inside the meeting's quarter, as it would have been.
      setHostClock(weekBefore(meeting.meetingDate));

      // The other officers: an update on each service's first objective and the quarter's actual of each measure.
      for (const service of sampleData.services) {
        const objective = sampleData.objectives.find((o) => o.serviceId === service.id);
        if (!objective) throw new Error(`The sample data has no objective for ${service.name}.`);
        if (service.id !== officerService.id) {
          await addItem('objectiveUpdates', { objectiveId: objective.id, periodId: period.id, narrative: `<p>Progress in ${period.label}.</p>`, status: 'In progress', rag: 'Green', updatedOn: meeting.meetingDate }, officerOf(service.id));
        }
        for (const measure of sampleData.measures.filter((m) => m.serviceId === service.id && m.id !== officerMeasure.id)) {
          await addItem('measureActuals', { measureId: measure.id, periodId: period.id, value: measure.target, comment: `Reported for ${period.label}.` }, officerOf(service.id));
        }
        // Staff are surveyed every other quarter.
        if (index % 2 === 0) await addItem('staffSurveys', { serviceId: service.id, periodId: period.id, surveyed: 40, responses: 30, satisfiedPercent: 80, themes: '<p>Workload and hybrid working.</p>' }, editor.email);
        // The other services' general updates (the lead's own is written on screen below).
        if (service.id !== leadService.id) {
          await addItem('highlights', { serviceId: service.id, meetingDate: meeting.meetingDate, periodId: period.id, keyPoints: `<p>${service.name}: key points.</p>`, activityOverview: `<p>${service.name}: activity.</p>` }, editor.email);
        }
      }
      if (meeting.reports.includes('annual')) {
        await addItem('budgetLines', { serviceId: leadService.id, financialYear: 2022, sharedBudget: 250000, split: leadService.partnerCouncils.map((council) => ({ council, amount: 250000 / leadService.partnerCouncils.length })), savingsApproved: 30000 }, editor.email);
        await addItem('bestPractice', { title: typed.bestPractice, fromCouncil: leadService.partnerCouncils[0], toCouncil: leadService.partnerCouncils[1], description: '<p>One contract for both councils.</p>', serviceId: leadService.id }, editor.email);
        await addItem('lessonsLearned', { title: typed.lesson, serviceId: leadService.id, lesson: '<p>Sign the agreement first.</p>', category: 'Governance' }, editor.email);
        // The editor records the year's success on the Successes tab of the benefits tracker.
        const tracker = (await e2e().open('/?webpart=benefitsTracker', { persona: editor.email })).page;
        await tracker.getByRole('tab', { name: 'Successes' }).click();
        await tracker.getByRole('button', { name: 'Add a success' }).click();
        const form = tracker.getByRole('dialog');
        await form.getByRole('button', { name: 'Save', exact: true }).waitFor({ timeout: 20_000 });
        // Required fields' names end with the asterisk Fluent adds to their labels.
        await form.getByRole('textbox', { name: /^Success/ }).fill(typed.success);
        await pick(tracker, form, 'Service', leadService.name);
        await pick(tracker, form, 'Category', 'Savings');
        const [y, m, d] = weekBefore(meeting.meetingDate).split('-');
        const achievedOn = form.getByLabel(/^Achieved on/).first();
        await achievedOn.fill(`${d}/${m}/${y}`);
        await achievedOn.press('Tab');
        await form.getByRole('textbox', { name: /^What was achieved/ }).fill('One contract instead of two, saving on both councils\' telephony.');
        await form.getByRole('button', { name: 'Save', exact: true }).click();
        await tracker
          .getByRole('region', { name: 'Areas of success and achievements' })
          .getByText(typed.success)
          .waitFor({ timeout: 20_000 })
          .catch(async (error: unknown) => {
            await e2e().screenshot(tracker, 'success');
            throw error;
          });
      }

      // The lead writes the general update for the meeting, on screen.
      typed.keyPoints = `Key points for ${meeting.title}`;
      await leadPage.reload();
      await waitForReport(leadPage);
      const report = leadPage.locator('[data-webpart="highlightReport"]');
      const write = report.getByRole('button', { name: /write general update/i }).or(report.getByRole('menuitem', { name: /write general update/i }));
      await write.first().click();
      const newItem = leadPage.getByRole('menuitem', { name: /new general update/i });
      if (await newItem.isVisible()) await newItem.click();
      const panel = leadPage.getByRole('dialog');
      await pick(leadPage, panel, 'Service', leadService.name);
      // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
      await pick(leadPage, panel, 'Meeting date', new RegExp(escape(meeting.title)));
      await panel.getByRole('textbox', { name: 'Key points of action' }).fill(typed.keyPoints);
      await panel.getByRole('textbox', { name: 'Overview of activity' }).fill(`Activity before ${meeting.title}`);
      await panel.getByRole('button', { name: 'Save', exact: true }).click();
      await leadPage
        .getByText(/general update for .* has been saved/i)
        .waitFor({ timeout: 20_000 })
        .catch(async (error: unknown) => {
          await e2e().screenshot(leadPage, `meeting-${index + 1}-general-update`);
          throw error;
        });

      // The editor generates, checks and publishes each report the meeting receives.
      await editorPage.reload();
      await waitForReport(editorPage);
      const options = editorPage.locator('[data-webpart="highlightReport"]');
      // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
      await pick(editorPage, options, 'Reporting period', new RegExp(`^${escape(period.label)}`));
      for (const kind of meeting.reports) {
        await pick(editorPage, options, 'Report', KIND_NAMES[kind]);
        const article = options.locator(`article[data-report-kind="${kind}"][data-period="${period.id}"]`);
        await article.waitFor({ timeout: 20_000 });
        const section = article.getByRole('region', { name: leadService.name, exact: true });
        if (kind === 'highlight') await section.getByText(typed.keyPoints).waitFor();
        if (kind === 'quarterly') await section.getByRole('heading', { name: 'Staff satisfaction' }).waitFor();
        if (kind === 'annual') {
          await article.getByRole('region', { name: 'Financial benefits and budget' }).getByText(/savings approved/i).waitFor();
          await article.getByText(typed.bestPractice).first().waitFor();
          await article.getByText(typed.lesson).first().waitFor();
          await article.getByText(typed.success).first().waitFor();
        }
        await options.getByRole('button', { name: 'Publish this report' }).click();
        await editorPage.getByRole('button', { name: /^Publish version \d+$/ }).click();
        await editorPage.getByText(/^Published version \d+ of /).waitFor({ timeout: 20_000 });
        const published = (await publishedModels()).filter((m) => m.kind === kind && m.period.id === period.id && m.scope.serviceId === undefined);
        expect(published).toHaveLength(1);
        expectSections(published[0], kind, period.id, typed);
        // Its Word paper is in Committee papers, uploaded whole from the browser, at its own address.
        const paper = (await storedPapers()).find((p) => p.reportKind === kind && p.periodId === period.id && p.content === 'Word paper');
        expect(paper).toBeDefined();
        const file = await fetch(`${new URL(e2e().host.webUrl).origin}${paper?.fileUrl ?? ''}`, { headers: { Cookie: `ssm-user=${encodeURIComponent(editor?.email ?? '')}` } });
        const bytes = new Uint8Array(await file.arrayBuffer());
        expect([file.status, String.fromCharCode(bytes[0], bytes[1])]).toEqual([200, 'PK']);
      }
      await e2e().screenshot(editorPage, `meeting-${index + 1}`);
    }
  }, 360_000);
});

/**
 * The officer persona's quarter on screen, on `day` (on or before `period`'s update deadline,
 * the last day the tracker takes the update, and inside the quarter): "Update my objectives" for her objective
 * (progress update, status, RAG, Save, the saved confirmation), then the Measures tab's entry of
 * her measure's actual (value, comment, Save, the value in the measure's row). Records what was
 * typed in `typed`.
 */
async function officerUpdates(period: ReportingPeriod, day: string, index: number, typed: Typed): Promise<void> {
  if (!officer || !officerObjective || !officerMeasure) throw new Error('The sample data has no officer persona, objective or measure.');
  setHostClock(day);
  typed.narrative = `The shared team met its milestones in ${period.label}.`;
  typed.rag = index % 2 === 0 ? 'Green' : 'Amber';
  // A value the target column does not show, so the row shows the one typed.
  typed.actual = officerMeasure.target + index + 1;
  const page = (await e2e().open(`/?webpart=objectivesTracker&today=${day}`, { persona: officer.email })).page;
  const tracker = page.locator('[data-webpart="objectivesTracker"]');
  const failed = async (error: unknown, what: string): Promise<never> => {
    await e2e().screenshot(page, `meeting-${index + 1}-${what}`);
    throw error;
  };

  await tracker.getByRole('menuitem', { name: /^Update my objectives \([1-9]\d*\)$/ }).click();
  const panel = page.getByRole('dialog');
  await panel.getByRole('heading', { name: /^Update my objectives/ }).first().waitFor({ timeout: 20_000 });
  const card = panel.getByRole('region', { name: officerObjective.title, exact: true });
  await card.getByRole('textbox', { name: /^Progress update/ }).fill(typed.narrative);
  await pick(page, card, 'Status', 'In progress');
  await pick(page, card, 'RAG rating', typed.rag);
  await panel.getByRole('button', { name: 'Save all updates', exact: true }).click();
  await page
    .getByText(/^1 update saved\.$/)
    .first()
    .waitFor({ timeout: 20_000 })
    .catch(async (error: unknown) => failed(error, 'objective-update'));

  await tracker.getByRole('tab', { name: 'Measures' }).click();
  await tracker.getByRole('button', { name: `Enter the actual for ${officerMeasure.title}`, exact: true }).click();
  const form = page.getByRole('dialog');
  const save = form.getByRole('button', { name: 'Save', exact: true });
  await save.waitFor({ timeout: 20_000 });
  await form.getByRole('textbox', { name: /^Actual/ }).fill(String(typed.actual));
  await form.getByRole('textbox', { name: /^Comment/ }).fill(`Reported on screen for ${period.label}.`);
  await save.click();
  // Fluent's panel root is a zero-size dialog: its Save button going away is the panel closing.
  await save.waitFor({ state: 'hidden', timeout: 20_000 }).catch(async (error: unknown) => failed(error, 'measure-actual'));
  await tracker
    // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
    .getByRole('row', { name: new RegExp(escape(officerMeasure.title)) })
    // eslint-disable-next-line @rushstack/security/no-unsafe-regexp -- built from the test's own fixtures and loc strings, never from input.
    .getByText(new RegExp(`^${escape(`${typed.actual} ${officerMeasure.unit}`)}`))
    .first()
    .waitFor({ timeout: 20_000 })
    .catch(async (error: unknown) => failed(error, 'measure-row'));
}

/** Escapes `text` for a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits until the highlight report shows its choices again after a reload. */
async function waitForReport(page: Page): Promise<void> {
  await page.locator('[data-webpart="highlightReport"] h2').first().waitFor({ timeout: 20_000 });
  await page.getByRole('combobox', { name: 'Reporting period' }).waitFor({ timeout: 20_000 });
}
