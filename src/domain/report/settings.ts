/**
 * The committee paper's settings (who it goes to, who wrote it, the standard paragraphs a
 * council repeats in every paper) and the clerk's per-report narrative. Settings are the
 * councils' data, kept on the site; the defaults below are what a new site starts with and
 * follow the councils' own February 2022 report. Narrative text is rich text (HTML): it is
 * sanitised with the product's one sanitiser before it is stored in a snapshot, and again when
 * the paper is rendered.
 */

/** Settings of every committee paper of a site. */
export interface ReportSettings {
  /** Committee the papers go to, e.g. "Shared Services Joint Committee". */
  readonly committeeName: string;
  /**
   * Partner councils in the order the papers name them. Empty: the order in which the services
   * list them.
   */
  readonly councils: readonly string[];
  /** Report author ("Report of"), e.g. "Director of Change and Delivery". */
  readonly author: string;
  /** Contact line, e.g. "Performance and Partnerships Team, performance@example.gov.uk". */
  readonly contact: string;
  /** Standard paragraphs of "Background to the report" (rich text, one paragraph each). */
  readonly background: string;
  /** Standard paragraph of "Climate change and air quality" (rich text). */
  readonly climateChange: string;
  /** Standard paragraph of "Risk" (rich text). */
  readonly risk: string;
  /** Comments of the Statutory Finance Officer (rich text). */
  readonly financeOfficerComments: string;
  /** Comments of the Monitoring Officer (rich text). */
  readonly monitoringOfficerComments: string;
}

/** What a site's papers say before the clerk changes anything. */
export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  committeeName: 'Shared Services Joint Committee',
  councils: [],
  author: 'Director of Change and Delivery',
  contact: 'Performance and Partnerships Team',
  background:
    '<p>The partner councils agreed the shared services arrangements and the monitoring framework that sets what each meeting of the Committee receives: ' +
    'a highlight report at every meeting, a quarterly performance report and an annual review.</p>' +
    '<p>Progress of each service is monitored against the service development objectives, the measures in the service business plan and the benefits ' +
    'identified in the business case: financial savings, resilience and capacity, service development and staff development.</p>',
  climateChange:
    '<p>The work noted in this report does not impact the climate change and sustainability targets of the Councils\u2019 Green Agenda and all environmental considerations are in place.</p>',
  risk: '<p>Risk for shared services is considered within the report and its appendices; the highest risks in the register are summarised above.</p>',
  financeOfficerComments: '<p>Details of the savings realised to date for each council are included within this report.</p>',
  monitoringOfficerComments: '<p>There are no issues to raise from a Monitoring Officer perspective.</p>'
};

/**
 * The clerk's text for one paper, edited before publishing and stored in its snapshot. Each
 * field is rich text; an empty or missing field means "use the text the report writes itself".
 */
export interface ReportNarrative {
  /** "Purpose of the report". */
  readonly purpose?: string;
  /** "Recommendations" (each paragraph one recommendation). */
  readonly recommendations?: string;
  /** "Reasons for recommendations". */
  readonly reasons?: string;
  /** Remarks shown at the start of the body, before the summary figures. */
  readonly summaryRemarks?: string;
}

/** The narrative fields, in the order the paper shows them. */
export const NARRATIVE_FIELDS = ['purpose', 'recommendations', 'reasons', 'summaryRemarks'] as const;

/** Settings with every missing or blank field taken from the defaults (a half-filled settings item still gives a whole paper). */
export function completeSettings(partial: Partial<ReportSettings> | undefined): ReportSettings {
  const p = partial ?? {};
  const pick = (key: Exclude<keyof ReportSettings, 'councils'>): string => {
    const v = p[key];
    return typeof v === 'string' && v.trim() !== '' ? v : DEFAULT_REPORT_SETTINGS[key];
  };
  return {
    committeeName: pick('committeeName'),
    councils: Array.isArray(p.councils) ? p.councils.filter((c) => typeof c === 'string' && c.trim() !== '').map((c) => c.trim()) : [],
    author: pick('author'),
    contact: pick('contact'),
    background: pick('background'),
    climateChange: pick('climateChange'),
    risk: pick('risk'),
    financeOfficerComments: pick('financeOfficerComments'),
    monitoringOfficerComments: pick('monitoringOfficerComments')
  };
}

/**
 * The narrative with every field passed through `sanitise` (the product's rich-text sanitiser,
 * given by the caller because it needs a DOM) and blank fields dropped.
 */
export function cleanNarrative(narrative: ReportNarrative | undefined, sanitise: (html: string) => string): ReportNarrative {
  const out: { -readonly [K in keyof ReportNarrative]: string } = {};
  if (!narrative) return out;
  for (const key of NARRATIVE_FIELDS) {
    const v = narrative[key];
    if (typeof v !== 'string') continue;
    const clean = sanitise(v);
    if (clean.replace(/<[^>]*>/g, '').trim() !== '') out[key] = clean;
  }
  return out;
}

/** Councils in the settings' order first, then any others in the order given. */
export function orderCouncils(found: readonly string[], order: readonly string[]): string[] {
  const lower = (s: string): string => s.trim().toLowerCase();
  const wanted = order.filter((c) => found.some((f) => lower(f) === lower(c)));
  const named = wanted.map((c) => found.find((f) => lower(f) === lower(c)) as string);
  return [...named, ...found.filter((f) => !named.some((n) => lower(n) === lower(f)))];
}
