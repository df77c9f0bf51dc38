/**
 * The single source of truth for every SharePoint list, field and view of the product.
 * Provisioning (ensureLists and the generated site script), the PnPjs repositories and
 * the local host all read from here: no list or field name is written anywhere else.
 */
import {
  BENEFIT_CATEGORIES,
  BENEFIT_DELIVERY_STATUSES,
  LESSON_CATEGORIES,
  MEASURE_DIRECTIONS,
  OBJECTIVE_STATUSES,
  OBJECTIVE_RAGS,
  RAG_RATINGS,
  REMINDER_STATUSES,
  RISK_STATUSES,
  SERVICE_PHASES
} from '../domain/vocabularies';

/** SharePoint field kinds the product uses. */
export type FieldType =
  | 'Text'
  | 'Note'
  | 'RichText'
  | 'Number'
  | 'Currency'
  | 'Integer'
  | 'DateTime'
  | 'DateOnly'
  | 'Choice'
  | 'Boolean'
  | 'User'
  | 'Lookup'
  | 'URL'
  | 'Json';

/** Definition of one list field. `key` is the model property it maps to. */
export interface FieldDef {
  /** Model property name in src/domain/types.ts. */
  readonly key: string;
  /** SharePoint internal name (also the REST property name; User/Lookup fields are read as `${internalName}Id`). */
  readonly internalName: string;
  /** Display name shown in SharePoint list views. */
  readonly displayName: string;
  /** Field kind. `Json` is a Note field holding JSON written and read only by the product. */
  readonly type: FieldType;
  /** Whether SharePoint enforces a value. */
  readonly required?: boolean;
  /** Allowed values of a Choice field. */
  readonly choices?: readonly string[];
  /** Indexed so $filter/$orderby on large lists stay under the list view threshold. */
  readonly indexed?: boolean;
  /** Target list key of a Lookup field. */
  readonly lookupList?: ListKey;
  /** Maximum length of a Text field (SharePoint allows 255). */
  readonly maxLength?: number;
  /** Minimum of a Number/Integer field. */
  readonly min?: number;
  /** Maximum of a Number/Integer field. */
  readonly max?: number;
  /** Help text shown under the field in SharePoint forms. */
  readonly description?: string;
  /** Shape of an empty `Json` field's value. */
  readonly jsonShape?: 'array' | 'object';
}

/** A list view; auditors read these in SharePoint directly. */
export interface ViewDef {
  /** View title. */
  readonly title: string;
  /** Internal names of the columns, in order (built-ins such as Modified and Editor allowed). */
  readonly fields: readonly string[];
  /** CAML `<Where>`/`<OrderBy>`/`<GroupBy>` inner query, or empty for all items. */
  readonly query: string;
  /** Rows per page. */
  readonly rowLimit: number;
  /** Whether this is the list's default view. */
  readonly isDefault?: boolean;
}

/** A list with its fields and views. */
export interface ListDef {
  /** Stable key used in code. */
  readonly key: ListKey;
  /** List title (getByTitle). */
  readonly title: string;
  /** Site-relative URL segment, e.g. "Lists/SSMObjectives". */
  readonly url: string;
  /** Description shown in Site contents. */
  readonly description: string;
  /** Major versions kept; versioning is always on so auditors see full history. */
  readonly majorVersionLimit: number;
  /** Fields other than the built-in Title (whose display name `titleDisplayName` sets). */
  readonly fields: readonly FieldDef[];
  /** Display name of the built-in Title field. */
  readonly titleDisplayName: string;
  /** Model property stored in Title; lists without one get a computed label (see mapping.ts). */
  readonly titleKey?: string;
  /** Views. */
  readonly views: readonly ViewDef[];
}

/** Keys of every list of the product. */
export type ListKey =
  | 'services'
  | 'objectives'
  | 'objectiveUpdates'
  | 'benefits'
  | 'risks'
  | 'measures'
  | 'highlights'
  | 'reminderLog'
  | 'bestPractice'
  | 'lessonsLearned'
  | 'snapshots';

/**
 * The most characters a multiple-lines-of-text column of a SharePoint list holds (rich text,
 * plain text and the product's JSON columns alike).
 */
export const NOTE_MAX_LENGTH = 63999;

/** Built-in fields every list has; used in views and audit mappings. */
export const BUILT_IN = {
  id: 'Id',
  title: 'Title',
  created: 'Created',
  modified: 'Modified',
  author: 'Author',
  editor: 'Editor',
  etag: 'odata.etag'
} as const;

const AUDIT_COLUMNS = [BUILT_IN.modified, BUILT_IN.editor, BUILT_IN.created, BUILT_IN.author] as const;
const BY_MODIFIED_DESC = `<OrderBy><FieldRef Name="${BUILT_IN.modified}" Ascending="FALSE" /></OrderBy>`;

const field = (def: FieldDef): FieldDef => def;

const services: ListDef = {
  key: 'services',
  titleKey: 'name',
  title: 'SSM Services',
  url: 'Lists/SSMServices',
  description: 'Shared services and the partner councils that share them.',
  majorVersionLimit: 500,
  titleDisplayName: 'Service',
  fields: [
    field({ key: 'serviceLead', internalName: 'ServiceLead', displayName: 'Service lead', type: 'User' }),
    field({ key: 'phase', internalName: 'Phase', displayName: 'Phase', type: 'Choice', choices: SERVICE_PHASES, required: true }),
    field({
      key: 'partnerCouncils',
      internalName: 'PartnerCouncils',
      displayName: 'Partner councils',
      type: 'Json',
      jsonShape: 'array',
      required: true,
      description: 'The councils sharing this service.'
    }),
    field({ key: 'sharedSince', internalName: 'SharedSince', displayName: 'Shared since', type: 'DateOnly' })
  ],
  views: []
};

const objectives: ListDef = {
  key: 'objectives',
  titleKey: 'title',
  title: 'SSM Objectives',
  url: 'Lists/SSMObjectives',
  description: 'Service development objectives, one row per objective.',
  majorVersionLimit: 500,
  titleDisplayName: 'Description of the objective',
  fields: [
    field({ key: 'aim', internalName: 'Aim', displayName: 'What does the objective aim to achieve', type: 'RichText' }),
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', required: true, indexed: true }),
    field({ key: 'status', internalName: 'ObjectiveStatus', displayName: 'Status', type: 'Choice', choices: OBJECTIVE_STATUSES, required: true, indexed: true }),
    field({ key: 'rag', internalName: 'Rag', displayName: 'RAG', type: 'Choice', choices: OBJECTIVE_RAGS, required: true }),
    field({ key: 'responsibleOfficer', internalName: 'ResponsibleOfficer', displayName: 'Responsible officer', type: 'User', required: true, indexed: true }),
    field({ key: 'targetDate', internalName: 'TargetDate', displayName: 'Target date', type: 'DateOnly' }),
    field({ key: 'lastUpdatePeriodId', internalName: 'LastUpdatePeriod', displayName: 'Last update period', type: 'Text', maxLength: 20 }),
    field({ key: 'nextUpdateDue', internalName: 'NextUpdateDue', displayName: 'Next update due', type: 'DateOnly', indexed: true })
  ],
  views: []
};

const objectiveUpdates: ListDef = {
  key: 'objectiveUpdates',
  title: 'SSM Objective Updates',
  url: 'Lists/SSMObjectiveUpdates',
  description: 'Quarterly progress updates of objectives: the history auditors rely on.',
  majorVersionLimit: 500,
  titleDisplayName: 'Update',
  fields: [
    field({ key: 'objectiveId', internalName: 'Objective', displayName: 'Objective', type: 'Lookup', lookupList: 'objectives', required: true, indexed: true }),
    field({ key: 'periodId', internalName: 'Period', displayName: 'Reporting period', type: 'Text', required: true, indexed: true, maxLength: 20 }),
    field({ key: 'narrative', internalName: 'Narrative', displayName: 'Progress update', type: 'RichText', required: true }),
    field({ key: 'status', internalName: 'StatusAtUpdate', displayName: 'Status', type: 'Choice', choices: OBJECTIVE_STATUSES, required: true }),
    field({ key: 'rag', internalName: 'RagAtUpdate', displayName: 'RAG', type: 'Choice', choices: RAG_RATINGS, required: true }),
    field({ key: 'author', internalName: 'UpdateAuthor', displayName: 'Updated by', type: 'User' }),
    field({ key: 'updatedOn', internalName: 'UpdatedOn', displayName: 'Updated on', type: 'DateTime', required: true })
  ],
  views: []
};

const benefits: ListDef = {
  key: 'benefits',
  titleKey: 'title',
  title: 'SSM Benefits',
  url: 'Lists/SSMBenefits',
  description: 'Benefits tracker: savings and other benefits of sharing, with evidence.',
  majorVersionLimit: 500,
  titleDisplayName: 'Benefit',
  fields: [
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', required: true, indexed: true }),
    field({ key: 'category', internalName: 'BenefitCategory', displayName: 'Category', type: 'Choice', choices: BENEFIT_CATEGORIES, required: true, indexed: true }),
    field({ key: 'originalPosition', internalName: 'OriginalPosition', displayName: 'Original position', type: 'RichText' }),
    field({ key: 'achievement', internalName: 'Achievement', displayName: 'What will the benefit achieve?', type: 'RichText' }),
    field({ key: 'whenDelivered', internalName: 'WhenDelivered', displayName: 'When will the benefit be delivered?', type: 'Text', maxLength: 255 }),
    field({ key: 'deliveryStatus', internalName: 'DeliveryStatus', displayName: 'Delivery status', type: 'Choice', choices: BENEFIT_DELIVERY_STATUSES, required: true }),
    field({ key: 'realised', internalName: 'BenefitsRealised', displayName: 'Benefits realised', type: 'RichText' }),
    field({
      key: 'savings',
      internalName: 'SavingsByCouncil',
      displayName: 'Savings by council (£)',
      type: 'Json',
      jsonShape: 'array',
      description: 'Planned and realised savings for each partner council.'
    }),
    field({ key: 'fteBefore', internalName: 'FteBefore', displayName: 'FTE before', type: 'Number', min: 0 }),
    field({ key: 'fteAfter', internalName: 'FteAfter', displayName: 'FTE after', type: 'Number', min: 0 }),
    field({ key: 'evidenceUrl', internalName: 'EvidenceLink', displayName: 'Evidence', type: 'URL' })
  ],
  views: []
};

const risks: ListDef = {
  key: 'risks',
  titleKey: 'title',
  title: 'SSM Risks',
  url: 'Lists/SSMRisks',
  description: 'Risk register: likelihood x impact, inherent and residual.',
  majorVersionLimit: 500,
  titleDisplayName: 'Risk',
  fields: [
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', indexed: true }),
    field({ key: 'causeEffect', internalName: 'CauseEffect', displayName: 'Cause and effect', type: 'RichText' }),
    field({ key: 'owner', internalName: 'RiskOwner', displayName: 'Risk owner', type: 'User', required: true }),
    field({ key: 'inherentLikelihood', internalName: 'InherentLikelihood', displayName: 'Inherent likelihood', type: 'Integer', required: true, min: 1, max: 5 }),
    field({ key: 'inherentImpact', internalName: 'InherentImpact', displayName: 'Inherent impact', type: 'Integer', required: true, min: 1, max: 5 }),
    field({ key: 'residualLikelihood', internalName: 'ResidualLikelihood', displayName: 'Residual likelihood', type: 'Integer', required: true, min: 1, max: 5 }),
    field({ key: 'residualImpact', internalName: 'ResidualImpact', displayName: 'Residual impact', type: 'Integer', required: true, min: 1, max: 5 }),
    field({ key: 'controls', internalName: 'Controls', displayName: 'Controls', type: 'RichText' }),
    field({ key: 'reviewDate', internalName: 'ReviewDate', displayName: 'Review date', type: 'DateOnly', indexed: true }),
    field({ key: 'previousResidualScore', internalName: 'PreviousResidualScore', displayName: 'Previous residual score', type: 'Integer', min: 1, max: 25 }),
    field({ key: 'status', internalName: 'RiskStatus', displayName: 'Status', type: 'Choice', choices: RISK_STATUSES, required: true, indexed: true })
  ],
  views: []
};

const measures: ListDef = {
  key: 'measures',
  titleKey: 'title',
  title: 'SSM Measures',
  url: 'Lists/SSMMeasures',
  description: 'Service business plan measures with quarterly actuals.',
  majorVersionLimit: 500,
  titleDisplayName: 'Measure',
  fields: [
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', required: true, indexed: true }),
    field({ key: 'unit', internalName: 'Unit', displayName: 'Unit', type: 'Text', maxLength: 20 }),
    field({ key: 'target', internalName: 'Target', displayName: 'Target', type: 'Number', required: true }),
    field({ key: 'direction', internalName: 'Direction', displayName: 'Direction', type: 'Choice', choices: MEASURE_DIRECTIONS, required: true }),
    field({ key: 'actuals', internalName: 'Actuals', displayName: 'Quarterly actuals', type: 'Json', jsonShape: 'object' })
  ],
  views: []
};

const highlights: ListDef = {
  key: 'highlights',
  title: 'SSM Highlights',
  url: 'Lists/SSMHighlights',
  description: 'General update for each service at each joint committee meeting.',
  majorVersionLimit: 500,
  titleDisplayName: 'Title',
  fields: [
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', required: true, indexed: true }),
    field({ key: 'meetingDate', internalName: 'MeetingDate', displayName: 'Meeting date', type: 'DateOnly', required: true, indexed: true }),
    field({ key: 'periodId', internalName: 'Period', displayName: 'Reporting period', type: 'Text', required: true, indexed: true, maxLength: 20 }),
    field({ key: 'keyPoints', internalName: 'KeyPoints', displayName: 'Key points of action', type: 'RichText' }),
    field({ key: 'activityOverview', internalName: 'ActivityOverview', displayName: 'Overview of activity', type: 'RichText' })
  ],
  views: []
};

const reminderLog: ListDef = {
  key: 'reminderLog',
  titleKey: 'key',
  title: 'SSM Reminder Log',
  url: 'Lists/SSMReminderLog',
  description: 'Every reminder sent, recorded before and after sending.',
  majorVersionLimit: 100,
  titleDisplayName: 'Key',
  fields: [
    field({ key: 'officerEmail', internalName: 'OfficerEmail', displayName: 'Officer email', type: 'Text', required: true, indexed: true, maxLength: 255 }),
    field({ key: 'periodId', internalName: 'Period', displayName: 'Reporting period', type: 'Text', required: true, indexed: true, maxLength: 20 }),
    field({ key: 'round', internalName: 'Round', displayName: 'Round', type: 'Integer', required: true, min: 1 }),
    field({ key: 'status', internalName: 'SendStatus', displayName: 'Status', type: 'Choice', choices: REMINDER_STATUSES, required: true }),
    field({ key: 'detail', internalName: 'Detail', displayName: 'Detail', type: 'Note' }),
    field({ key: 'attemptedOn', internalName: 'AttemptedOn', displayName: 'Attempted on', type: 'DateTime', required: true })
  ],
  views: []
};

const bestPractice: ListDef = {
  key: 'bestPractice',
  titleKey: 'title',
  title: 'SSM Best Practice',
  url: 'Lists/SSMBestPractice',
  description: 'Annual review: practice one partner council shared with another.',
  majorVersionLimit: 100,
  titleDisplayName: 'Best practice',
  fields: [
    field({ key: 'fromCouncil', internalName: 'FromCouncil', displayName: 'From council', type: 'Text', required: true, maxLength: 255 }),
    field({ key: 'toCouncil', internalName: 'ToCouncil', displayName: 'To council', type: 'Text', required: true, maxLength: 255 }),
    field({ key: 'description', internalName: 'PracticeDescription', displayName: 'Description', type: 'RichText' }),
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', indexed: true })
  ],
  views: []
};

const lessonsLearned: ListDef = {
  key: 'lessonsLearned',
  titleKey: 'title',
  title: 'SSM Lessons Learned',
  url: 'Lists/SSMLessonsLearned',
  description: 'Annual review: lessons learned from sharing services.',
  majorVersionLimit: 100,
  titleDisplayName: 'Lesson summary',
  fields: [
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', indexed: true }),
    field({ key: 'lesson', internalName: 'Lesson', displayName: 'Lesson', type: 'RichText', required: true }),
    field({ key: 'category', internalName: 'LessonCategory', displayName: 'Category', type: 'Choice', choices: LESSON_CATEGORIES, required: true, indexed: true })
  ],
  views: []
};

const snapshots: ListDef = {
  key: 'snapshots',
  titleKey: 'title',
  title: 'SSM Report Snapshots',
  url: 'Lists/SSMReportSnapshots',
  description: 'Published committee reports, as they were shown. Never edited: republishing adds a new version.',
  majorVersionLimit: 100,
  titleDisplayName: 'Report',
  fields: [
    field({ key: 'periodId', internalName: 'Period', displayName: 'Reporting period', type: 'Text', required: true, indexed: true, maxLength: 20 }),
    field({ key: 'serviceId', internalName: 'Service', displayName: 'Service', type: 'Lookup', lookupList: 'services', indexed: true }),
    field({ key: 'version', internalName: 'SnapshotVersion', displayName: 'Version', type: 'Integer', required: true, min: 1 }),
    field({ key: 'publishedBy', internalName: 'PublishedBy', displayName: 'Published by', type: 'User', required: true }),
    field({ key: 'publishedOn', internalName: 'PublishedOn', displayName: 'Published on', type: 'DateTime', required: true }),
    field({
      key: 'model',
      internalName: 'ReportModel',
      displayName: 'Report',
      type: 'Json',
      jsonShape: 'object',
      required: true,
      description: 'The report as published; written by the product only.'
    })
  ],
  views: []
};

/** Builds the standard views every list gets: default, auditor "all items with history columns" and "by service". */
function withViews(list: ListDef, extra: readonly ViewDef[] = []): ListDef {
  const columns = [BUILT_IN.title, ...list.fields.filter((f) => f.type !== 'Json').map((f) => f.internalName)];
  const serviceField = list.fields.find((f) => f.lookupList === 'services');
  const views: ViewDef[] = [
    { title: 'All Items', fields: columns, query: '', rowLimit: 30, isDefault: true },
    { title: 'Audit - all changes', fields: [...columns, ...AUDIT_COLUMNS], query: BY_MODIFIED_DESC, rowLimit: 100 }
  ];
  if (serviceField) {
    views.push({
      title: 'By service',
      fields: columns,
      query: `<GroupBy Collapse="FALSE"><FieldRef Name="${serviceField.internalName}" /></GroupBy>`,
      rowLimit: 100
    });
  }
  return { ...list, views: [...views, ...extra] };
}

const fieldOf = (list: ListDef, key: string): string => {
  const found = list.fields.find((f) => f.key === key);
  if (!found) throw new Error(`Schema: list ${list.key} has no field ${key}`);
  return found.internalName;
};

/** Every list of the product, keyed by ListKey, in provisioning order (lookup targets first). */
export const SCHEMA: { readonly [K in ListKey]: ListDef } = {
  services: withViews(services),
  objectives: withViews(objectives, [
    {
      title: 'Overdue updates',
      fields: [BUILT_IN.title, fieldOf(objectives, 'serviceId'), fieldOf(objectives, 'responsibleOfficer'), fieldOf(objectives, 'lastUpdatePeriodId'), fieldOf(objectives, 'nextUpdateDue'), fieldOf(objectives, 'status')],
      query:
        `<Where><And><Lt><FieldRef Name="${fieldOf(objectives, 'nextUpdateDue')}" /><Value Type="DateTime"><Today /></Value></Lt>` +
        `<And><Neq><FieldRef Name="${fieldOf(objectives, 'status')}" /><Value Type="Choice">Complete</Value></Neq>` +
        `<Neq><FieldRef Name="${fieldOf(objectives, 'status')}" /><Value Type="Choice">On hold</Value></Neq></And></And></Where>` +
        `<OrderBy><FieldRef Name="${fieldOf(objectives, 'nextUpdateDue')}" /></OrderBy>`,
      rowLimit: 100
    }
  ]),
  objectiveUpdates: withViews(objectiveUpdates),
  benefits: withViews(benefits),
  risks: withViews(risks, [
    {
      title: 'Overdue reviews',
      fields: [BUILT_IN.title, fieldOf(risks, 'serviceId'), fieldOf(risks, 'owner'), fieldOf(risks, 'reviewDate'), fieldOf(risks, 'status')],
      query:
        `<Where><And><Lt><FieldRef Name="${fieldOf(risks, 'reviewDate')}" /><Value Type="DateTime"><Today /></Value></Lt>` +
        `<Eq><FieldRef Name="${fieldOf(risks, 'status')}" /><Value Type="Choice">Open</Value></Eq></And></Where>`,
      rowLimit: 100
    }
  ]),
  measures: withViews(measures),
  highlights: withViews(highlights),
  reminderLog: withViews(reminderLog),
  bestPractice: withViews(bestPractice),
  lessonsLearned: withViews(lessonsLearned),
  snapshots: withViews(snapshots)
};

/** Lists in provisioning order: a lookup's target list always comes before the list that looks it up. */
export const LISTS: readonly ListDef[] = Object.values(SCHEMA);

/** Field definition of a list by model key; throws on a typo so mistakes fail fast in tests. */
export function fieldDef(list: ListKey, key: string): FieldDef {
  const found = SCHEMA[list].fields.find((f) => f.key === key);
  if (!found) throw new Error(`Schema: list ${list} has no field ${key}`);
  return found;
}

/** REST property name of a field: `${internalName}Id` for User and Lookup fields. */
export function restName(def: FieldDef): string {
  return def.type === 'User' || def.type === 'Lookup' ? `${def.internalName}Id` : def.internalName;
}
