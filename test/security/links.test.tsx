/** @jest-environment jsdom */
/**
 * Links built from stored data: a URL column (a benefit's Evidence), links inside rich text and
 * the deep links of reminder mail reach an href only when the parsed address is https, http or
 * mailto. Hostile values (script and data URLs, spelt with whitespace, control characters or
 * entities) are written as SharePoint would hold them and rendered in every view that shows them:
 * the benefits tracker, the highlight report, the objectives' rich text and the mail (the Word
 * paper's links: test/report/richTextRoundTrip.test.ts).
 */
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { AppShell } from '../../src/components/AppShell';
import { RichText } from '../../src/components/RichText';
import { sanitiseRichText } from '../../src/components/sanitise';
import { safeHref } from '../../src/domain/links';
import type { Benefit, Highlight, Objective, Risk, Service } from '../../src/domain/types';
import { ObjectivesTracker } from '../../src/webparts/objectivesTracker/components/ObjectivesTracker';
import { RiskRegister } from '../../src/webparts/riskRegister/components/RiskRegister';
import { BenefitsTracker } from '../../src/webparts/benefitsTracker/components/BenefitsTracker';
import { HighlightReport } from '../../src/webparts/highlightReport/components/HighlightReport';
import { linkFor, renderReminderEmail } from '../../src/reminders/email';
import { fakeRepositories } from '../components/fakeRepositories';

setIconOptions({ disableWarnings: true });

/** Values a REST call, the SharePoint list form or an import can put in a URL column or an href. */
const HOSTILE: readonly string[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '  javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  '&#106;avascript:alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '/sites/ssm/relative',
  '//evil.example/x'
];

const SAFE = ['https://intranet.example.gov.uk/evidence.pdf', 'http://legacy.example.gov.uk/page', 'mailto:officer@chorley.example.gov.uk'];

/** Every href under `root` that a browser would follow to something other than https, http or mailto. */
function unsafeHrefs(root: ParentNode): string[] {
  return Array.from(root.querySelectorAll('[href]'))
    .map((el) => el.getAttribute('href') ?? '')
    .filter((href) => {
      // The browser's own resolution: a relative value resolves against the page, so it is unsafe too.
      const parsed = safeHref(href);
      return !parsed || !/^(https?|mailto):/i.test(new URL(href.trim()).protocol);
    });
}

const SERVICES: Service[] = [{ id: 1, etag: '"1"', name: 'Governance', phase: 'Phase 1', partnerCouncils: ['Chorley Council', 'South Ribble Borough Council'] }];

/** A paragraph with one link per value. */
const linksHtml = (values: readonly string[]): string => `<p>${values.map((v, i) => `<a href="${v.replace(/"/g, '&quot;')}">link ${i}</a>`).join(' ')}</p>`;

describe('safeHref', () => {
  it.each(HOSTILE)('refuses %j', (value) => {
    expect(safeHref(value)).toBeUndefined();
  });

  it.each(SAFE)('keeps %s', (value) => {
    expect(safeHref(value)).toBe(new URL(value).href);
  });

  it('refuses what is not text', () => {
    expect(safeHref(undefined)).toBeUndefined();
    expect(safeHref({ Url: 'javascript:alert(1)' })).toBeUndefined();
    expect(safeHref('')).toBeUndefined();
  });
});

describe('no other scheme reaches an href in any view', () => {
  it('benefits tracker: the Evidence column and the rich text columns', async () => {
    const benefit = (id: number, evidenceUrl: string): Benefit => ({
      id,
      etag: '"1"',
      title: `Benefit ${id}`,
      serviceId: 1,
      category: 'Financial savings',
      originalPosition: linksHtml(HOSTILE),
      achievement: linksHtml(SAFE),
      whenDelivered: 'Already achieved',
      deliveryStatus: 'Achieved',
      realised: linksHtml(HOSTILE),
      savings: [],
      evidenceUrl
    });
    // The grid is virtualised (about ten rows at first), so the values are shown a few at a time.
    const values = [...SAFE, ...HOSTILE];
    const linked: string[] = [];
    const asText: string[] = [];
    for (let start = 0; start < values.length; start += 6) {
      const chunk = values.slice(start, start + 6);
      const { container, unmount } = render(
        <AppShell repositories={fakeRepositories({ services: SERVICES, benefits: chunk.map((v, i) => benefit(start + i + 1, v)) })}>
          <BenefitsTracker />
        </AppShell>
      );
      const region = await screen.findByRole('region', { name: 'Financial savings' });
      expect(region.querySelectorAll('[role="row"]').length).toBeGreaterThan(chunk.length);
      expect(unsafeHrefs(container)).toEqual([]);
      for (const a of Array.from(region.querySelectorAll('a[aria-label^="Evidence for"]'))) linked.push(a.getAttribute('href') ?? '');
      const prefix = strings.EvidenceNotALink.replace('{0}', '');
      for (const el of Array.from(region.querySelectorAll('span, div'))) {
        if (el.children.length === 0 && el.textContent?.startsWith(prefix)) asText.push(el.textContent.slice(prefix.length));
      }
      // The safe rich-text links survive with their hrefs.
      expect(container.querySelectorAll('a[href^="mailto:"]').length).toBeGreaterThan(0);
      unmount();
    }
    // The safe evidence values are links; every hostile one is shown as text, as written.
    expect(linked).toEqual(SAFE.map((v) => new URL(v).href));
    expect(asText).toEqual(HOSTILE);
  });

  it('highlight report: key points and overview of each meeting', async () => {
    const highlight: Highlight = {
      id: 1,
      etag: '"1"',
      serviceId: 1,
      meetingDate: '2022-03-15',
      periodId: '2021-22-Q4',
      keyPoints: linksHtml(HOSTILE),
      activityOverview: linksHtml([...HOSTILE, ...SAFE])
    };
    const { container } = render(
      <AppShell repositories={fakeRepositories({ services: SERVICES, highlights: [highlight] })}>
        <HighlightReport />
      </AppShell>
    );
    await screen.findByRole('region', { name: 'Governance' });
    expect(unsafeHrefs(container)).toEqual([]);
    expect(container.querySelectorAll('a[href]').length).toBeGreaterThanOrEqual(SAFE.length);
  });

  it('objectives tracker and risk register: grids and details show narratives without a hostile href', async () => {
    const html = linksHtml([...HOSTILE, ...SAFE]);
    const objectives: Objective[] = [{ id: 10, etag: '"1"', title: 'Hostile aim', aim: html, serviceId: 1, status: 'In progress', rag: 'Amber' }];
    const risks: Risk[] = [
      { id: 1, etag: '"1"', title: 'Hostile risk', serviceId: 1, causeEffect: html, inherentLikelihood: 3, inherentImpact: 3, residualLikelihood: 2, residualImpact: 2, controls: html, status: 'Open' }
    ];
    const a = render(
      <AppShell repositories={fakeRepositories({ services: SERVICES, objectives })}>
        <ObjectivesTracker serviceFilter="" columns={{ aim: true, status: true, rag: true, officer: true, targetDate: true }} />
      </AppShell>
    );
    await screen.findByText('Hostile aim');
    expect(unsafeHrefs(a.container)).toEqual([]);
    a.unmount();
    const b = render(
      <AppShell repositories={fakeRepositories({ services: SERVICES, risks })}>
        <RiskRegister />
      </AppShell>
    );
    await screen.findByText('Hostile risk');
    expect(unsafeHrefs(b.container)).toEqual([]);
    b.unmount();
  });

  it('objectives and risks: rich text shown through RichText (details, history, forms)', () => {
    const html = linksHtml([...HOSTILE, ...SAFE]);
    const { container } = render(<RichText html={html} />);
    expect(unsafeHrefs(container)).toEqual([]);
    expect(container.querySelectorAll('a[href]')).toHaveLength(SAFE.length);
    // Saving goes through the same sanitiser: nothing hostile is stored either.
    const host = document.createElement('div');
    host.innerHTML = sanitiseRichText(html);
    expect(unsafeHrefs(host)).toEqual([]);
  });

  it('reminder mail: deep links are web addresses, and a hostile link setting is refused', () => {
    const officer = { email: 'a@example.gov.uk', displayName: 'A', objectives: [{ id: 1, title: 'T', serviceId: 1 }], risks: [], measures: [] };
    const period = { id: '2021-22-Q4', label: 'Q4 2021/22', deadline: '2022-04-15' };
    const mail = renderReminderEmail(officer as never, { period, round: undefined } as never, { siteUrl: 'https://tenant.sharepoint.com/sites/ssm' });
    const host = document.createElement('div');
    host.innerHTML = mail.html;
    expect(unsafeHrefs(host)).toEqual([]);
    expect(host.querySelectorAll('a[href^="https://tenant.sharepoint.com/"]')).toHaveLength(1);
    for (const template of ['javascript:alert({id})', ' java\tscript:alert({id})', 'data:text/html,{id}', 'mailto:x@example.com?{id}']) {
      expect(() => linkFor(template, 'https://tenant.sharepoint.com', 1)).toThrow(/not an http or https address/);
    }
  });
});
