/**
 * The reminder email: subject and HTML body in UK English. Every value that came from a list
 * (titles, names, service names) is HTML-escaped; links are built from configured templates
 * with the numeric item id only. The finished body can also go through a sanitiser (DOMPurify)
 * supplied by the caller, as defence in depth.
 */
import type { OfficerReminder, ReminderPlan } from '../domain/reminders';
import { safeHref } from '../domain/links';
import { lazyStrings } from '../loc/lazy';
import { formatCount, formatString } from '../components/format';

/** Where the reminder links point. `{siteUrl}` and `{id}` are replaced. */
export interface ReminderLinks {
  /** Absolute URL of the SharePoint site, without a trailing slash. */
  readonly siteUrl: string;
  /** Update screen of an objective (default `{siteUrl}/SitePages/Objectives.aspx?update={id}`). */
  readonly objective?: string;
  /** Review screen of a risk (default `{siteUrl}/SitePages/Risks.aspx?review={id}`). */
  readonly risk?: string;
  /** Actuals screen of a measure (default `{siteUrl}/SitePages/Objectives.aspx?measure={id}`). */
  readonly measure?: string;
}

/** Default link templates. */
export const DEFAULT_LINK_TEMPLATES = {
  objective: '{siteUrl}/SitePages/Objectives.aspx?update={id}',
  risk: '{siteUrl}/SitePages/Risks.aspx?review={id}',
  measure: '{siteUrl}/SitePages/Objectives.aspx?measure={id}'
} as const;

/** A rendered email. */
export interface RenderedEmail {
  readonly subject: string;
  readonly html: string;
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Builds a link from a template. The result is checked after parsing (safeHref), as every link
 * built from stored or configured data is, and only a web address is accepted, so a bad setting
 * cannot inject `javascript:` or `data:` however it is spelt.
 */
export function linkFor(template: string, siteUrl: string, id: number): string {
  const url = template.replace(/\{siteUrl\}/g, siteUrl.replace(/\/+$/, '')).replace(/\{id\}/g, encodeURIComponent(String(id)));
  const href = safeHref(url);
  if (!href || !/^https?:/i.test(href)) throw new Error(`Reminder link "${url}" is not an http or https address; check the link settings.`);
  return href;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "10 March 2022" from "2022-03-10". */
export function formatUkDate(isoDate: string): string {
  return LONG_DATE.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** A loc template as HTML: the template's own text escaped, the arguments (HTML already) put in its placeholders. */
const htmlOf = (template: string, ...args: ReadonlyArray<string | number>): string => formatString(escapeHtml(template), ...args);

/** Removes line breaks and control characters from a subject line. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** Renders the reminder for one officer. `serviceName` resolves service ids to names (escaped here). */
export function renderReminderEmail(
  officer: OfficerReminder,
  plan: Pick<ReminderPlan, 'period' | 'round'>,
  links: ReminderLinks,
  serviceName: (id: number | undefined) => string | undefined = () => undefined,
  sanitise: (html: string) => string = (html) => html
): RenderedEmail {
  const { period, round } = plan;
  const overdue = !!round?.escalation;
  const deadline = formatUkDate(period.deadline);
  const subject = oneLine(
    overdue
      ? formatString(lazyStrings.MailSubjectOverdue, period.label, deadline)
      : formatString(lazyStrings.MailSubjectReminder, period.label, deadline)
  );
  const siteUrl = links.siteUrl;
  const item = (title: string, href: string, extra: string): string =>
    `<li><a href="${escapeHtml(href)}">${escapeHtml(title || lazyStrings.MailUntitled)}</a>${extra}</li>`;
  const service = (id: number | undefined): string => {
    const name = serviceName(id);
    return name ? ` <span style="color:#605e5c">${htmlOf(lazyStrings.MailServiceName, escapeHtml(name))}</span>` : '';
  };

  const parts: string[] = [];
  const strong = (value: string): string => `<strong>${escapeHtml(value)}</strong>`;
  parts.push(`<p>${htmlOf(lazyStrings.MailGreeting, escapeHtml(officer.displayName || officer.email))}</p>`);
  parts.push(`<p>${htmlOf(overdue ? lazyStrings.MailIntroOverdue : lazyStrings.MailIntro, strong(period.label), strong(deadline))}</p>`);
  if (officer.objectives.length > 0) {
    parts.push(`<h3>${htmlOf(lazyStrings.MailObjectivesHeading, officer.objectives.length)}</h3><ul>`);
    for (const o of officer.objectives) parts.push(item(o.title, linkFor(links.objective ?? DEFAULT_LINK_TEMPLATES.objective, siteUrl, o.id), service(o.serviceId)));
    parts.push('</ul>');
  }
  if (officer.risks.length > 0) {
    parts.push(`<h3>${htmlOf(lazyStrings.MailRisksHeading, officer.risks.length)}</h3><ul>`);
    for (const r of officer.risks) {
      parts.push(item(r.title, linkFor(links.risk ?? DEFAULT_LINK_TEMPLATES.risk, siteUrl, r.id), `${service(r.serviceId)} &ndash; ${htmlOf(lazyStrings.MailRiskReviewDate, escapeHtml(formatUkDate(r.reviewDate)))}`));
    }
    parts.push('</ul>');
  }
  if (officer.measures.length > 0) {
    parts.push(`<h3>${htmlOf(lazyStrings.MailMeasuresHeading, officer.measures.length)}</h3><ul>`);
    for (const m of officer.measures) parts.push(item(m.title, linkFor(links.measure ?? DEFAULT_LINK_TEMPLATES.measure, siteUrl, m.id), service(m.serviceId)));
    parts.push('</ul>');
  }
  const surveys = officer.surveys ?? [];
  if (surveys.length > 0) {
    parts.push(`<h3>${htmlOf(lazyStrings.MailSurveysHeading, surveys.length)}</h3><ul>`);
    for (const v of surveys) parts.push(`<li>${escapeHtml(v.title || lazyStrings.MailUntitled)}</li>`);
    parts.push('</ul>');
  }
  const total = officer.objectives.length + officer.risks.length + officer.measures.length + surveys.length;
  parts.push(`<p>${escapeHtml(formatCount(total, lazyStrings.MailItemsOne, lazyStrings.MailItemsMany, round ? round.round : 1))}</p>`);
  parts.push(`<p>${escapeHtml(lazyStrings.MailSignature)}</p>`);
  const html = `<div style="font-family:Segoe UI,Arial,sans-serif;font-size:14px">${parts.join('')}</div>`;
  return { subject, html: sanitise(html) };
}
