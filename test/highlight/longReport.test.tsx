/** @jest-environment jsdom */
import * as React from 'react';
import { act, fireEvent, render, waitFor, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { formatString } from '../../src/components/format';
import { isSimpleRichText } from '../../src/components/sanitise';
import type { ReportData, ReportModel } from '../../src/domain/report';
import { modelFor } from '../../src/webparts/highlightReport/reportOptions';
import { REPORT_FIRST_ROWS, ReportView } from '../../src/webparts/highlightReport/components/ReportView';
import { generateLargeData } from '../../local/sample-data/generate';

setIconOptions({ disableWarnings: true });
// The generator copies the sample lists with structuredClone, which jest's jsdom lacks.
if (typeof globalThis.structuredClone === 'undefined') Object.assign(globalThis, { structuredClone: (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown });

/** A report of a few hundred objectives over the sample's services: every service has more than a screenful. */
function longModel(): ReportModel {
  const g = generateLargeData({ objectives: 400, updatesPerObjective: 3, seed: 3 });
  const data: ReportData = {
    services: g.services,
    objectives: g.objectives,
    updates: g.objectiveUpdates,
    benefits: g.benefits,
    risks: g.risks,
    measures: g.measures,
    highlights: g.highlights,
    actions: g.objectiveActions,
    measureActuals: g.measureActuals,
    meetings: g.committeeMeetings,
    staffSurveys: g.staffSurveys
  };
  const periods = Array.from(new Set(g.objectiveUpdates.map((u) => u.periodId))).sort();
  return modelFor(data, [], { kind: 'highlight', periodId: periods[periods.length - 1] }, '2022-03-31T12:00:00Z');
}

/** The body rows' first cells of the table with this caption, inside a service's section. */
function firstCells(section: HTMLElement, caption: string): string[] {
  const found = Array.from(section.querySelectorAll('caption')).find((c) => c.textContent === caption);
  if (!found) throw new Error(`No table captioned "${caption}".`);
  return Array.from(found.closest('table')?.querySelectorAll('tbody tr') ?? []).map((r) => r.querySelector('td')?.textContent ?? '');
}

describe('the report view of a long report', () => {
  const model = longModel();

  it('shows the first rows of each service\'s objectives and changes, and a button that shows the rest, none dropped', async () => {
    expect(model.services.length).toBeGreaterThan(1);
    const { container } = render(<ReportView model={model} />);
    for (const s of model.services) {
      const section = within(container).getByRole('region', { name: s.name });
      const objectives = formatString(strings.ReportObjectivesCaption, s.name);
      expect(s.objectives.length).toBeGreaterThan(REPORT_FIRST_ROWS);
      expect(firstCells(section, objectives)).toEqual(s.objectives.slice(0, REPORT_FIRST_ROWS).map((o) => o.title));

      const showAll = within(section).getByRole('button', { name: formatString(strings.ReportShowAllObjectives, s.objectives.length) });
      fireEvent.click(showAll);
      await waitFor(() => expect(firstCells(section, objectives)).toHaveLength(s.objectives.length), { timeout: 15_000 });
      expect(firstCells(section, objectives)).toEqual(s.objectives.map((o) => o.title));
      expect(within(section).queryByRole('button', { name: formatString(strings.ReportShowAllObjectives, s.objectives.length) })).toBeNull();

      // The changes since the last quarter: a button only where there are more than a screenful.
      const changes = formatString(strings.ReportChangesCaption, s.name);
      const showChanges = within(section).queryByRole('button', { name: formatString(strings.ReportShowAllChanges, s.statusChanges.length) });
      if (s.statusChanges.length > REPORT_FIRST_ROWS) {
        expect(firstCells(section, changes)).toHaveLength(REPORT_FIRST_ROWS);
        fireEvent.click(showChanges as HTMLElement);
        await waitFor(() => expect(firstCells(section, changes)).toHaveLength(s.statusChanges.length), { timeout: 15_000 });
      } else {
        expect(showChanges).toBeNull();
      }
      if (s.statusChanges.length > 0) expect(firstCells(section, changes)).toEqual(s.statusChanges.map((c) => c.title));
    }
  }, 60_000);

  it('shows every row, at once, when the page is printed', () => {
    const { container } = render(<ReportView model={model} />);
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    for (const s of model.services) {
      const section = within(container).getByRole('region', { name: s.name });
      expect(firstCells(section, formatString(strings.ReportObjectivesCaption, s.name))).toEqual(s.objectives.map((o) => o.title));
      expect(within(section).queryByRole('button', { name: formatString(strings.ReportShowAllObjectives, s.objectives.length) })).toBeNull();
    }
  }, 60_000);
});

describe('isSimpleRichText', () => {
  it('lets plain text and attribute-free formatting through without DOMPurify', () => {
    expect(isSimpleRichText('Delivery is on track & within budget.')).toBe(true);
    expect(isSimpleRichText('<p>One</p><ul><li><strong>Two</strong></li></ul><br/><h3>Three</h3>')).toBe(true);
  });

  it('sends anything with attributes, links, tables, unknown tags or stray brackets to the sanitiser', () => {
    for (const html of [
      '<p onclick="alert(1)">x</p>',
      '<p class="x">x</p>',
      '<a href="https://example.org">x</a>',
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script>',
      '<table><tr><td>x</td></tr></table>',
      '<p>1 < 2</p>',
      '<style>p{}</style>',
      '<svg><p>x</p></svg>',
      '<!-- x --><p>x</p>',
      '<pre>x</pre>'
    ]) {
      expect({ html, simple: isSimpleRichText(html) }).toEqual({ html, simple: false });
    }
  });
});
