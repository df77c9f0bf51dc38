/**
 * What changed between two published versions of a report, section by section, so that a clerk
 * or auditor opening version 2 sees at once how it differs from version 1 (a corrected figure,
 * an edited recommendation) without reading both papers side by side.
 */
import type { ReportModel, ServiceSection } from './model';
import { NARRATIVE_FIELDS } from './settings';

/** The paper's sections a change can belong to, in the paper's order. */
export const COMPARED_SECTIONS = [
  'narrative',
  'summary',
  'generalUpdate',
  'objectives',
  'successes',
  'measures',
  'benefits',
  'staffSatisfaction',
  'risks',
  'budget',
  'bestPractice',
  'lessonsLearned'
] as const;
/** A section of the paper, as compared. */
export type ComparedSection = (typeof COMPARED_SECTIONS)[number];

/** One difference between the two versions. */
export interface ReportChange {
  /** Section it belongs to. */
  readonly section: ComparedSection;
  /** Service whose part of the paper it is in; undefined for the paper as a whole. */
  readonly serviceName?: string;
  /** What changed: the objective, measure, benefit, risk or field it is about. */
  readonly item: string;
  /** Whether the item is new, gone, or has a different value. */
  readonly change: 'added' | 'removed' | 'changed';
  /** The value in the older version (plain text); undefined when added. */
  readonly before?: string;
  /** The value in the newer version (plain text); undefined when removed. */
  readonly after?: string;
}

/** Plain text of stored rich text, for comparing and for showing a short before and after. */
export function plainText(html: string | undefined): string {
  return (html ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

type Keyed = ReadonlyMap<string, string>;

/** Items keyed by name with their compared value; the rows of one section. */
function diff(section: ComparedSection, serviceName: string | undefined, before: Keyed, after: Keyed): ReportChange[] {
  const out: ReportChange[] = [];
  for (const [item, value] of after) {
    const old = before.get(item);
    if (old === undefined) out.push({ section, serviceName, item, change: 'added', after: value });
    else if (old !== value) out.push({ section, serviceName, item, change: 'changed', before: old, after: value });
  }
  for (const [item, value] of before) if (!after.has(item)) out.push({ section, serviceName, item, change: 'removed', before: value });
  return out;
}

const keyed = <T>(items: readonly T[] | undefined, key: (t: T) => string, value: (t: T) => string): Keyed => {
  const map = new Map<string, string>();
  for (const t of items ?? []) map.set(key(t), value(t));
  return map;
};

/** Values joined so that any one of them changing shows; the parts are data, not wording. */
const join = (...parts: ReadonlyArray<string | number | undefined>): string => parts.filter((p) => p !== undefined && p !== '').join(' · ');

function serviceParts(s: ServiceSection | undefined): Record<Exclude<ComparedSection, 'narrative' | 'summary' | 'budget' | 'bestPractice' | 'lessonsLearned'>, Keyed> {
  return {
    generalUpdate: s?.highlight
      ? new Map([
          ['keyPoints', plainText(s.highlight.keyPoints)],
          ['activityOverview', plainText(s.highlight.activityOverview)]
        ])
      : new Map(),
    objectives: keyed(s?.objectives, (o) => o.title, (o) => join(o.status, o.rag, plainText(o.update?.narrative))),
    successes: keyed(s?.successes, (x) => x.title, (x) => join(x.category, x.achievedOn, x.councils.join(', '), plainText(x.achievement))),
    measures: keyed(s?.measures, (m) => m.title, (m) => join(m.target, m.actual === undefined ? undefined : `${m.actual}${m.unit}`, plainText(m.comment))),
    benefits: keyed(s?.benefits, (b) => b.title, (b) => join(b.deliveryStatus, plainText(b.realised), ...b.savings.map((c) => `${c.council} ${c.planned}/${c.realised}`))),
    staffSatisfaction: s?.staffSurvey
      ? new Map([[s.staffSurvey.periodLabel, join(`${s.staffSurvey.satisfiedPercent}%`, s.staffSurvey.responses, s.staffSurvey.surveyed, plainText(s.staffSurvey.themes))]])
      : new Map(),
    risks: keyed(s?.risks, (r) => r.title, (r) => join(r.inherentScore, r.residualScore, r.owner, plainText(r.controls)))
  };
}

/**
 * The differences from `older` to `newer`, in the paper's order: the clerk's narrative, the
 * summary figures, each service's parts (services in the newer version's order, then any the
 * older one had alone), the budget, best practice and lessons learned. Empty when the two
 * versions show the same.
 */
export function compareReports(older: ReportModel, newer: ReportModel): ReportChange[] {
  const changes: ReportChange[] = [];
  const narrative = (m: ReportModel): Keyed => new Map(NARRATIVE_FIELDS.map((f) => [f, plainText(m.narrative?.[f])] as const).filter(([, v]) => v !== ''));
  changes.push(...diff('narrative', undefined, narrative(older), narrative(newer)));
  const summary = (m: ReportModel): Keyed =>
    new Map<string, string>([
      ...Object.entries(m.objectiveStatusCounts).map(([k, v]) => [k, String(v)] as [string, string]),
      ['savingsPlanned', String(m.savings.planned)],
      ['savingsRealised', String(m.savings.realised)]
    ]);
  changes.push(...diff('summary', undefined, summary(older), summary(newer)));

  const names = newer.services.map((s) => s.name);
  for (const s of older.services) if (names.indexOf(s.name) < 0) names.push(s.name);
  for (const name of names) {
    const a = serviceParts(older.services.find((s) => s.name === name));
    const b = serviceParts(newer.services.find((s) => s.name === name));
    for (const section of ['generalUpdate', 'objectives', 'successes', 'measures', 'benefits', 'staffSatisfaction', 'risks'] as const) {
      changes.push(...diff(section, name, a[section], b[section]));
    }
  }
  const budget = (m: ReportModel): Keyed => keyed(m.budget?.lines, (l) => l.serviceName, (l) => join(l.sharedBudget, l.savingsApproved, ...l.split.map((x) => `${x.council} ${x.amount}`)));
  changes.push(...diff('budget', undefined, budget(older), budget(newer)));
  changes.push(...diff('bestPractice', undefined, keyed(older.bestPractice, (b) => b.title, (b) => plainText(b.description)), keyed(newer.bestPractice, (b) => b.title, (b) => plainText(b.description))));
  changes.push(...diff('lessonsLearned', undefined, keyed(older.lessonsLearned, (l) => l.title, (l) => plainText(l.lesson)), keyed(newer.lessonsLearned, (l) => l.title, (l) => plainText(l.lesson))));
  return changes;
}
