/**
 * Typed models of the product. Repositories map SharePoint list items to these;
 * nothing here knows about SharePoint, SPFx or HTTP.
 */
import type {
  ActionStatus,
  BenefitCategory,
  BestPracticeCategory,
  BenefitDeliveryStatus,
  LessonCategory,
  MeasureDirection,
  MeasureFrequency,
  ObjectiveRag,
  ObjectiveStatus,
  PaperContent,
  Rag,
  ReminderStatus,
  RiskStatus,
  ServicePhase,
  SuccessCategory
} from './vocabularies';

/** A person as SharePoint knows them (a site user). */
export interface Person {
  /** Site user id (the value of a `...Id` user field). */
  id: number;
  /** Display name. */
  displayName: string;
  /** Email address, used for reminders. */
  email: string;
}

/** Fields every stored item carries: identity, optimistic concurrency and audit trail. */
export interface Stored {
  /** SharePoint item id. */
  id: number;
  /**
   * Columns that could not be read as the product writes them (someone edited the column in
   * SharePoint, or a script did): the item is still shown, with these named on its row. Absent
   * when every column read cleanly.
   */
  problems?: readonly ItemProblem[];
  /** ETag of the version read, sent back as IF-Match on update. */
  etag: string;
  /** When the item was created (ISO 8601). */
  created?: string;
  /** When the item was last modified (ISO 8601). */
  modified?: string;
}

/** Why a column of a stored item could not be read as the product writes it. */
export type ItemProblemCode = 'invalidJson' | 'wrongShape' | 'badEntries';

/** One column of a stored item that could not be read; the item is shown without that value. */
export interface ItemProblem {
  /** The column as people see it, e.g. "Partner councils". */
  readonly field: string;
  /** What is wrong with it. */
  readonly code: ItemProblemCode;
  /** Detail for the message: the parser's words, or how many entries were left out. */
  readonly detail: string;
}

/** A shared service and the councils that share it (two, three or more partners). */
export interface Service extends Stored {
  /** Service name, e.g. "Transformation and Partnerships". */
  name: string;
  /** Lead officer who receives escalations. */
  serviceLead?: Person;
  /** Sharing phase. */
  phase: ServicePhase;
  /** Names of the partner councils sharing this service; data, never hard-coded. */
  partnerCouncils: string[];
  /** When sharing went live (ISO date). */
  sharedSince?: string;
}

/** A service development objective. */
export interface Objective extends Stored {
  /** "Description of the objective". */
  title: string;
  /** "What does the objective aim to achieve" (sanitised rich text HTML). */
  aim: string;
  /** Id of the owning service. */
  serviceId: number;
  /** Current status. */
  status: ObjectiveStatus;
  /** Current RAG rating; "Not rated" until the first update. */
  rag: ObjectiveRag;
  /** Officer responsible for quarterly updates. */
  responsibleOfficer?: Person;
  /** Target completion date (ISO date). */
  targetDate?: string;
  /** Period id of the latest update, kept on the objective so auditors can filter without joins. */
  lastUpdatePeriodId?: string;
  /** Deadline of the next update due (ISO date); drives the "Overdue updates" view. */
  nextUpdateDue?: string;
  /**
   * Its updates' periods, statuses and RAGs (src/domain/statusHistory.ts), kept by the product;
   * read by the report only.
   */
  statusHistory?: string;
}

/** One quarterly progress update of an objective; the audit history. */
export interface ObjectiveUpdate extends Stored {
  /** Id of the objective updated. */
  objectiveId: number;
  /** Reporting period id, e.g. "2021-22-Q4" (see calendar.ts). */
  periodId: string;
  /** "Progress update" narrative (sanitised rich text HTML). */
  narrative: string;
  /** Status of the objective at the time of the update. */
  status: ObjectiveStatus;
  /** RAG at the time of the update. */
  rag: Rag;
  /** Who wrote the update. */
  author?: Person;
  /** When the update was written (ISO 8601). */
  updatedOn: string;
}

/** One action of an objective's action plan (the plan table under an objective in the paper). */
export interface ObjectiveAction extends Stored {
  /** Id of the objective the action belongs to. */
  objectiveId: number;
  /** What is to be done. */
  title: string;
  /** When, as the plan writes it ("April 2022", "Q2 2022/23", "Ongoing"). */
  timescale?: string;
  /** Who does it. */
  owner?: Person;
  /** Where it stands. */
  status: ActionStatus;
}

/** Savings for one partner council, in pounds sterling. */
export interface CouncilSaving {
  /** Partner council name, matching Service.partnerCouncils. */
  council: string;
  /** Savings planned in the business case (GBP). */
  planned: number;
  /** Savings realised to date (GBP). */
  realised: number;
}

/** A row of the benefits tracker. */
export interface Benefit extends Stored {
  /** "Benefit". */
  title: string;
  /** Id of the service delivering it. */
  serviceId: number;
  /** One of the four categories. */
  category: BenefitCategory;
  /** "Original position" (rich text). */
  originalPosition: string;
  /** "What will the benefit achieve?" (rich text). */
  achievement: string;
  /** "When will the benefit be delivered?" as written, e.g. "Already achieved", "June 2022". */
  whenDelivered: string;
  /** Delivery status. */
  deliveryStatus: BenefitDeliveryStatus;
  /** "Benefits realised" (rich text). */
  realised: string;
  /** Savings per partner council (financial benefits). */
  savings: CouncilSaving[];
  /** Full-time equivalents before sharing (capacity benefits). */
  fteBefore?: number;
  /** Full-time equivalents after sharing. */
  fteAfter?: number;
  /** Link to the evidence (budget report, minutes). */
  evidenceUrl?: string;
}

/** A risk in the register. */
export interface Risk extends Stored {
  /** Short risk title. */
  title: string;
  /** Id of the service, or undefined for programme-wide risks. */
  serviceId?: number;
  /** Cause and effect narrative. */
  causeEffect: string;
  /** Risk owner. */
  owner?: Person;
  /** Inherent likelihood 1-5 (before controls). */
  inherentLikelihood: number;
  /** Inherent impact 1-5. */
  inherentImpact: number;
  /** Residual likelihood 1-5 (after controls). */
  residualLikelihood: number;
  /** Residual impact 1-5. */
  residualImpact: number;
  /** Controls in place. */
  controls: string;
  /** Next review date (ISO date). */
  reviewDate?: string;
  /** Residual score at the previous quarter's review, for change detection. */
  previousResidualScore?: number;
  /** Open or closed. */
  status: RiskStatus;
}

/** A KPI from the service business plan with its quarterly actuals. */
export interface Measure extends Stored {
  /** Measure name. */
  title: string;
  /** Id of the service. */
  serviceId: number;
  /** Unit, e.g. "%", "days", "£". */
  unit: string;
  /** Target value. */
  target: number;
  /** Polarity. */
  direction: MeasureDirection;
  /** How often it is reported; quarterly when not set. */
  frequency?: MeasureFrequency;
  /** Officer who enters the quarterly actuals (the service lead does when none is named). */
  responsibleOfficer?: Person;
  /** Actual value per reporting period id. */
  actuals: Record<string, number>;
}

/** The general update for one service at one committee meeting. */
export interface Highlight extends Stored {
  /** Id of the service. */
  serviceId: number;
  /** Committee meeting date (ISO date). */
  meetingDate: string;
  /** Reporting period id. */
  periodId: string;
  /** Key points of action (rich text). */
  keyPoints: string;
  /** Overview of activity (rich text). */
  activityOverview: string;
}

/** One reminder send, recorded before and after sending so reruns are idempotent. */
export interface ReminderLogEntry extends Stored {
  /** Idempotency key: officer email + period + round. */
  key: string;
  /** Officer reminded. */
  officerEmail: string;
  /** Reporting period id. */
  periodId: string;
  /** Reminder round number, 1-based. */
  round: number;
  /** Pending before the send, Sent or Failed after. */
  status: ReminderStatus;
  /** Graph message/request id or failure detail. */
  detail?: string;
  /** When the send was attempted (ISO 8601). */
  attemptedOn: string;
  /** The run that holds (or last held) the claim: tells a run its own claim after a lost answer. */
  runId?: string;
}

/** A practice one partner council passed to another (annual review, best practice register). */
export interface BestPractice extends Stored {
  /** Short name of the practice, e.g. "Performance and Project Leads Network". */
  title: string;
  /** Council whose practice it was, e.g. "South Ribble Borough Council"; data, never hard-coded. */
  fromCouncil: string;
  /** Council that adopted it. */
  toCouncil: string;
  /** What was shared and what it achieved (rich text). */
  description: string;
  /** Id of the service concerned, or undefined for practice shared across the programme. */
  serviceId?: number;
  /** Kind of practice; undefined for practice recorded before categories were kept. */
  category?: BestPracticeCategory;
}

/** A lesson learned from sharing a service (annual review, lessons learned register). */
export interface LessonLearned extends Stored {
  /** One-line summary of the lesson. */
  title: string;
  /** Id of the service it comes from, or undefined for programme-wide lessons. */
  serviceId?: number;
  /** The lesson (rich text). */
  lesson: string;
  /** Category, e.g. IT, HR or Timescales. */
  category: LessonCategory;
}

/**
 * An area of success or an achievement of a shared service (annual review, "areas of success
 * and achievements"): what was achieved, for which councils, and when.
 */
export interface Success extends Stored {
  /** One-line summary, e.g. "Shared HR policy framework adopted". */
  title: string;
  /** Id of the service that achieved it (a programme-wide group such as "All shared services" is a service too). */
  serviceId: number;
  /** What was achieved (rich text). */
  achievement: string;
  /** Councils that benefit, by name; empty when it benefits every partner council of the service. */
  councils: string[];
  /** Kind of success. */
  category: SuccessCategory;
  /** When it was achieved (YYYY-MM-DD): the annual review lists those of its financial year. */
  achievedOn: string;
}

/**
 * A published committee report (issue 6): the report model as shown, who published it and
 * when. Immutable: publishing the same period and scope again stores the next version.
 */
/**
 * A file of the "Committee papers" document library: the Word paper of one published version, as
 * the committee received it, or the data of a report too large for its snapshot's column. One
 * file per published version (never overwritten), so its address always opens that version.
 */
export interface CommitteePaper extends Stored {
  /** The file name, e.g. "Shared-Services-Highlight-Report-Q4-2021-22-v2.docx". */
  fileName: string;
  /** Server-relative address of the file, e.g. "/sites/ssm/SSMCommitteePapers/….docx". */
  fileUrl: string;
  /** What the file holds. */
  content: PaperContent;
  /** The report's title (the library's Title column). */
  reportTitle?: string;
  /** The report's kind (highlight, quarterly, annual). */
  reportKind: string;
  /** Reporting period id. */
  periodId: string;
  /** Service reported on, or undefined for all services. */
  serviceId?: number;
  /** The committee meeting the paper went to (YYYY-MM-DD), when one is named. */
  meetingDate?: string;
  /** Version of the report's series. */
  version: number;
  /** Id of the snapshot it belongs to (absent on report data, which its snapshot points to). */
  snapshotId?: number;
  /** SHA-256 of the file's bytes as stored ("sha256:…"). */
  fileHash?: string;
}

export interface ReportSnapshot extends Stored {
  /** Period id and service, e.g. "2021-22-Q4 Governance" or "2021-22-Q4 All services". */
  title: string;
  /** Reporting period id. */
  periodId: string;
  /** Service reported on, or undefined for all services. */
  serviceId?: number;
  /** Version within the period and scope, from 1. */
  version: number;
  /** Who published it. */
  publishedBy?: Person;
  /** When it was published (ISO 8601). */
  publishedOn: string;
  /** The report model as shown (see src/domain/report/model.ts). */
  model: import('./report/model').ReportModel;
  /**
   * Fingerprint of what was published (SHA-256 of the stored report and its title, period,
   * scope, version, publisher and date), written once on publishing and checked on every read.
   * Absent on snapshots published before fingerprints were kept.
   */
  contentHash?: string;
  /** The result of that check on reading (absent on a snapshot not yet stored). */
  integrity?: SnapshotIntegrity;
  /**
   * File name of its Word paper in the committee papers library ("…-v2.docx") and the SHA-256
   * of its bytes, recorded when the snapshot is added (members may add a file there but not
   * write its columns). Absent when the paper was not rendered before publishing.
   */
  paperFileName?: string;
  /** See `paperFileName`. */
  paperHash?: string;
}

/**
 * Whether a stored snapshot is what was published: `verified` (its fingerprint matches),
 * `altered` (it does not: changed after publishing), `unverified` (published before
 * fingerprints were kept).
 */
export type SnapshotIntegrity = 'verified' | 'altered' | 'unverified';

/**
 * The committee paper's settings as the site keeps them: one item of the settings list, edited
 * by the clerk (see ReportSettings in src/domain/report/settings.ts for what each field means).
 * Blank fields take the defaults.
 */
export interface ReportSettingsItem extends Stored {
  /** Name of the item, e.g. "Committee paper settings". */
  title: string;
  /** Committee the papers go to. */
  committeeName?: string;
  /** Partner councils in the order the papers name them, one per line. */
  councils?: string;
  /** Report author ("Report of"). */
  author?: string;
  /** Contact line. */
  contact?: string;
  /** Standard paragraphs of "Background to the report" (rich text). */
  background?: string;
  /** Standard paragraph of "Climate change and air quality" (rich text). */
  climateChange?: string;
  /** Standard paragraph of "Risk" (rich text). */
  risk?: string;
  /** Comments of the Statutory Finance Officer (rich text). */
  financeOfficerComments?: string;
  /** Comments of the Monitoring Officer (rich text). */
  monitoringOfficerComments?: string;
}

/**
 * A meeting of the joint committee and the reports it receives (framework report, paras 13-15):
 * the general update at every meeting, the quarterly performance report in June, September and
 * December, the annual review in March.
 */
export interface CommitteeMeeting extends Stored {
  /** Short name, e.g. "Shared Services Joint Committee, June 2022". */
  title: string;
  /** Meeting date (ISO date). */
  meetingDate: string;
  /** Reports the meeting receives. */
  reports: import('./report/model').ReportKind[];
}

/** One quarterly actual of a measure, entered by the officer responsible with a comment. */
export interface MeasureActual extends Stored {
  /** Id of the measure. */
  measureId: number;
  /** Reporting period id. */
  periodId: string;
  /** The value for the quarter, in the measure's unit. */
  value: number;
  /** What lies behind the figure (rich text). */
  comment: string;
  /** Who entered it. */
  enteredBy?: Person;
}

/** The result of one staff satisfaction survey of a service (surveyed every other quarter). */
export interface StaffSurvey extends Stored {
  /** Id of the service surveyed. */
  serviceId: number;
  /** Reporting period id of the survey. */
  periodId: string;
  /** People surveyed. */
  surveyed: number;
  /** Responses received. */
  responses: number;
  /** Share of respondents satisfied, as a percentage (0-100). */
  satisfiedPercent: number;
  /** A short summary of the themes raised (rich text). */
  themes: string;
}

/** Share of a shared budget borne by one partner council, in pounds sterling. */
export interface CouncilShare {
  /** Partner council name, matching Service.partnerCouncils. */
  council: string;
  /** The council's share of the budget (GBP). */
  amount: number;
}

/** A service's shared budget for one financial year, split between its partner councils. */
export interface BudgetLine extends Stored {
  /** Id of the service. */
  serviceId: number;
  /** Financial year as the year it starts in, e.g. 2022 for 2022/23. */
  financialYear: number;
  /** The shared budget (GBP). */
  sharedBudget: number;
  /** Its split between the partner councils. */
  split: CouncilShare[];
  /** Savings approved to date (GBP). */
  savingsApproved: number;
}
