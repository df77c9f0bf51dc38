/**
 * The committee report model: everything one report shows, as plain JSON-safe data, so the
 * same object drives the web part, the Word export and the published snapshot (which must
 * show the data as it was when published, not as it is today).
 */
import type { PeriodKind } from '../calendar';
import type { RiskBand, ScoreChange } from '../scoring';
import type { ReportNarrative, ReportSettings } from './settings';
import type {
  ActionStatus,
  BenefitCategory,
  BenefitDeliveryStatus,
  MeasureDirection,
  ObjectiveStatus,
  ObjectiveRag,
  Rag,
  ServicePhase
} from '../vocabularies';

/** The three reports of the monitoring framework (framework report, para 11). */
export const REPORT_KINDS = ['highlight', 'quarterly', 'annual'] as const;
/** Highlight (general update) report, quarterly performance report or annual review. */
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Version of the model's shape; stored in snapshots so an old snapshot can be recognised. */
export const REPORT_MODEL_FORMAT = 1;

/** A reporting period as the report shows it. */
export interface ReportPeriod {
  /** Period id, e.g. "2021-22-Q4". */
  readonly id: string;
  /** UK English label, e.g. "Q4 2021/22 (January to March 2022), annual review". */
  readonly label: string;
  /** First day (YYYY-MM-DD). */
  readonly start: string;
  /** Last day (YYYY-MM-DD). */
  readonly end: string;
  /** 'annual' for the quarter closing the financial year. */
  readonly kind: PeriodKind;
}

/** Status and RAG of an objective as reported. */
export interface ReportedStateRow {
  /** Period of the update the state comes from. */
  readonly periodId: string;
  /** Short label of that period, e.g. "Q3 2021/22". */
  readonly periodLabel: string;
  /** Status reported. */
  readonly status: ObjectiveStatus;
  /** RAG reported. */
  readonly rag: Rag;
}

/** The latest progress update of an objective on or before the report's period. */
export interface ObjectiveUpdateRow {
  /** Period of the update. */
  readonly periodId: string;
  /** Short label of that period, e.g. "Q3 2021/22". */
  readonly periodLabel: string;
  /** Progress narrative (rich text HTML as stored; sanitised when rendered). */
  readonly narrative: string;
  /** When it was written (ISO 8601). */
  readonly updatedOn: string;
  /** Who wrote it. */
  readonly author?: string;
}

/** One action of an objective's action plan, as reported. */
export interface ObjectiveActionRow {
  /** What is to be done. */
  readonly title: string;
  /** When, as the plan writes it. */
  readonly timescale?: string;
  /** Owner's name. */
  readonly owner?: string;
  /** Status. */
  readonly status: ActionStatus;
}

/** One row of the objectives table. */
export interface ObjectiveRow {
  /** Objective id. */
  readonly id: number;
  /** "Description of the objective". */
  readonly title: string;
  /** "What does the objective aim to achieve" (rich text HTML). */
  readonly aim: string;
  /** Status as of the period (from the latest update on or before it, else the objective's own). */
  readonly status: ObjectiveStatus;
  /** RAG as of the period; "Not rated" when nothing has been reported yet. */
  readonly rag: ObjectiveRag;
  /** Responsible officer's name. */
  readonly responsibleOfficer?: string;
  /** Target completion date (YYYY-MM-DD). */
  readonly targetDate?: string;
  /** Latest update on or before the period, if any. */
  readonly update?: ObjectiveUpdateRow;
  /** Whether the latest update belongs to the report's period (false: no update this quarter). */
  readonly updatedThisPeriod: boolean;
  /** The objective's action plan; absent when it has none (and in snapshots published before actions existed). */
  readonly actions?: readonly ObjectiveActionRow[];
}

/** An objective whose status or RAG changed since the previous period. */
export interface StatusChangeRow {
  /** Objective id. */
  readonly objectiveId: number;
  /** Objective title. */
  readonly title: string;
  /** State at the earlier period; undefined when first reported in this one. */
  readonly from?: ReportedStateRow;
  /** State at the report's period. */
  readonly to: ReportedStateRow;
  /** Whether the status differs. */
  readonly statusChanged: boolean;
  /** Whether the RAG differs. */
  readonly ragChanged: boolean;
}

/** Planned and realised savings of one council (GBP). */
export interface CouncilTotal {
  /** Council name. */
  readonly council: string;
  /** Planned savings (GBP). */
  readonly planned: number;
  /** Realised savings (GBP). */
  readonly realised: number;
}

/** Planned and realised savings of one service (GBP). */
export interface ServiceTotal {
  /** Service id. */
  readonly serviceId: number;
  /** Service name. */
  readonly serviceName: string;
  /** Planned savings (GBP). */
  readonly planned: number;
  /** Realised savings (GBP). */
  readonly realised: number;
}

/** Savings totals per council and overall (and per service at programme level). */
export interface SavingsTotals {
  /** Per partner council, in the order the councils first appear. */
  readonly byCouncil: readonly CouncilTotal[];
  /** Per service (programme totals only; empty within a service section). */
  readonly byService: readonly ServiceTotal[];
  /** Sum of planned savings (GBP). */
  readonly planned: number;
  /** Sum of realised savings (GBP). */
  readonly realised: number;
}

/** One row of the benefits tracker. */
export interface BenefitRow {
  /** Benefit id. */
  readonly id: number;
  /** "Benefit". */
  readonly title: string;
  /** Benefit category. */
  readonly category: BenefitCategory;
  /** "Original position" (rich text HTML). */
  readonly originalPosition: string;
  /** "What will the benefit achieve?" (rich text HTML). */
  readonly achievement: string;
  /** "When will the benefit be delivered?" as written. */
  readonly whenDelivered: string;
  /** Delivery status. */
  readonly deliveryStatus: BenefitDeliveryStatus;
  /** "Benefits realised" (rich text HTML). */
  readonly realised: string;
  /** Planned and realised savings per council. */
  readonly savings: readonly CouncilTotal[];
  /** FTE before sharing. */
  readonly fteBefore?: number;
  /** FTE after sharing. */
  readonly fteAfter?: number;
  /** Link to the evidence. */
  readonly evidenceUrl?: string;
  /** When the status last became Achieved, from the version history (YYYY-MM-DD), if known. */
  readonly achievedOn?: string;
}

/**
 * How "realised this period" was decided: 'history' takes the date the benefit's status became
 * Achieved from the item's version history (the paper's normal basis); 'snapshot' compares
 * with the previous period's published report; 'modified' (neither available) takes achieved
 * benefits last changed within the period.
 */
export type RealisedBasis = 'history' | 'snapshot' | 'modified';

/** One row of the risk summary. */
export interface RiskRow {
  /** Risk id. */
  readonly id: number;
  /** Risk title. */
  readonly title: string;
  /** Service name, or undefined for a programme-wide risk. */
  readonly serviceName?: string;
  /** Risk owner's name. */
  readonly owner?: string;
  /** Cause and effect (rich text HTML). */
  readonly causeEffect: string;
  /** Controls in place (rich text HTML). */
  readonly controls: string;
  /** Inherent score 1-25. */
  readonly inherentScore: number;
  /** Residual score 1-25. */
  readonly residualScore: number;
  /** Band of the residual score. */
  readonly band: RiskBand;
  /** Movement of the residual score since the previous review. */
  readonly change: ScoreChange;
  /** Next review date (YYYY-MM-DD). */
  readonly reviewDate?: string;
  /** Residual likelihood 1-5 (for the heat map); missing in snapshots published before it was kept. */
  readonly residualLikelihood?: number;
  /** Residual impact 1-5. */
  readonly residualImpact?: number;
}

/** One measure against its target. */
export interface MeasureRow {
  /** Measure id. */
  readonly id: number;
  /** Measure name. */
  readonly title: string;
  /** Unit, e.g. "%". */
  readonly unit: string;
  /** Target. */
  readonly target: number;
  /** Polarity. */
  readonly direction: MeasureDirection;
  /** Actual in the report's period, if recorded. */
  readonly actual?: number;
  /** Actual in the previous period, if recorded. */
  readonly previous?: number;
  /** Whether the actual meets the target; undefined without an actual. */
  readonly onTarget?: boolean;
  /** Movement since the previous period, in the measure's own polarity. */
  readonly trend?: 'improved' | 'worsened' | 'same' | 'new';
  /** Actuals of each quarter of the financial year up to the period, oldest first (annual review). */
  readonly year: readonly { readonly periodId: string; readonly actual?: number }[];
  /** The officer's comment on the period's actual, from the measure actuals list (rich text HTML). */
  readonly comment?: string;
}

/** The latest staff satisfaction survey of a service on or before the report's period. */
export interface StaffSurveyRow {
  /** Period of the survey. */
  readonly periodId: string;
  /** Short label of that period, e.g. "Q3 2021/22". */
  readonly periodLabel: string;
  /** Whether the survey belongs to the report's period (staff are surveyed every other quarter). */
  readonly thisPeriod: boolean;
  /** People surveyed. */
  readonly surveyed: number;
  /** Responses received. */
  readonly responses: number;
  /** Response rate (0-100), when anyone was surveyed. */
  readonly responseRate?: number;
  /** Share of respondents satisfied (0-100). */
  readonly satisfiedPercent: number;
  /** Share satisfied at the survey before, for the trend. */
  readonly previousSatisfiedPercent?: number;
  /** Summary of the themes raised (rich text HTML). */
  readonly themes: string;
}

/** One service's budget line of the financial year (annual review). */
export interface BudgetRow {
  /** Service name. */
  readonly serviceName: string;
  /** The shared budget (GBP). */
  readonly sharedBudget: number;
  /** Its split between the partner councils. */
  readonly split: readonly { readonly council: string; readonly amount: number }[];
  /** Savings approved to date (GBP). */
  readonly savingsApproved: number;
}

/** The budget overview of the report's financial year (annual review). */
export interface BudgetOverview {
  /** Financial year label, e.g. "2021/22". */
  readonly financialYearLabel: string;
  /** Lines per service, in service name order. */
  readonly lines: readonly BudgetRow[];
  /** Sum of the shared budgets (GBP). */
  readonly sharedBudget: number;
  /** Sum of the savings approved (GBP). */
  readonly savingsApproved: number;
  /** Each council's share of the shared budgets, in the paper's council order. */
  readonly byCouncil: readonly { readonly council: string; readonly share: number }[];
}

/** The committee meeting a report goes to, from the committee meetings list. */
export interface ReportMeeting {
  /** The meeting's name, e.g. "Shared Services Joint Committee, March 2022". */
  readonly title: string;
  /** Meeting date (YYYY-MM-DD). */
  readonly date: string;
}

/** The general update of a service for the meeting. */
export interface HighlightRow {
  /** Committee meeting date (YYYY-MM-DD). */
  readonly meetingDate: string;
  /** Key points of action (rich text HTML). */
  readonly keyPoints: string;
  /** Overview of activity (rich text HTML). */
  readonly activityOverview: string;
}

/** Everything the report shows for one service. */
export interface ServiceSection {
  /** Service id. */
  readonly id: number;
  /** Service name. */
  readonly name: string;
  /** Sharing phase. */
  readonly phase: ServicePhase;
  /** Partner councils. */
  readonly partnerCouncils: readonly string[];
  /** Service lead's name. */
  readonly serviceLead?: string;
  /** General update for the period, if written. */
  readonly highlight?: HighlightRow;
  /** Objectives in title order within status. */
  readonly objectives: readonly ObjectiveRow[];
  /** Status or RAG changes since the previous period. */
  readonly statusChanges: readonly StatusChangeRow[];
  /** Status or RAG changes over the financial year to date (annual review). */
  readonly yearChanges: readonly StatusChangeRow[];
  /** Every benefit of the service (the tracker). */
  readonly benefits: readonly BenefitRow[];
  /** Ids of the benefits realised this period. */
  readonly realisedThisPeriod: readonly number[];
  /** Savings of the service. */
  readonly savings: SavingsTotals;
  /** Open risks of the service, highest residual score first (at most the report's limit). */
  readonly risks: readonly RiskRow[];
  /** Measures against target. */
  readonly measures: readonly MeasureRow[];
  /** Latest staff satisfaction survey on or before the period; missing when none, and in older snapshots. */
  readonly staffSurvey?: StaffSurveyRow;
  /**
   * Successes recorded as achieved in the financial year up to the period's end, oldest first
   * (annual review's areas of success and achievements); missing in older snapshots.
   */
  readonly successes?: readonly SuccessRow[];
}

/** A recorded success, as the annual review lists it. */
export interface SuccessRow {
  /** One-line summary. */
  readonly title: string;
  /** Category of success. */
  readonly category: string;
  /** What was achieved (sanitised rich text). */
  readonly achievement: string;
  /** Councils benefiting; empty when every partner council of the service does. */
  readonly councils: readonly string[];
  /** When it was achieved (YYYY-MM-DD). */
  readonly achievedOn: string;
}

/** A whole report. */
export interface ReportModel {
  /** Shape version, {@link REPORT_MODEL_FORMAT}. */
  readonly format: number;
  /** Which report. */
  readonly kind: ReportKind;
  /** Report title. */
  readonly title: string;
  /** The report's period. */
  readonly period: ReportPeriod;
  /** The period before, for status changes. */
  readonly previousPeriod: ReportPeriod;
  /** One service, or all services. */
  readonly scope: { readonly serviceId?: number; readonly serviceName: string };
  /** Partner councils of the services covered, in order of first appearance. */
  readonly partnerCouncils: readonly string[];
  /** When the model was built (ISO 8601). */
  readonly generatedOn: string;
  /** How "realised this period" was decided. */
  readonly realisedBasis: RealisedBasis;
  /** Sections, in service name order. */
  readonly services: readonly ServiceSection[];
  /** Savings totals over every service covered, per council and per service. */
  readonly savings: SavingsTotals;
  /** Highest open risks by residual score across the scope, including programme-wide ones. */
  readonly topRisks: readonly RiskRow[];
  /** Number of objectives per status as of the period. */
  readonly objectiveStatusCounts: Readonly<Record<ObjectiveStatus, number>>;
  /** Number of objectives per RAG rating as of the period. Missing in older snapshots. */
  readonly objectiveRagCounts?: Readonly<Partial<Record<ObjectiveRag, number>>>;
  /**
   * Open risks of the scope by residual likelihood and impact: `riskHeatMap[l - 1][i - 1]` is
   * the number with likelihood l and impact i. Missing in older snapshots.
   */
  readonly riskHeatMap?: readonly (readonly number[])[];
  /** The paper's settings when the model was built (committee, councils, standard paragraphs). */
  readonly settings?: ReportSettings;
  /** The clerk's own text for this paper (sanitised rich text), stored with the snapshot. */
  readonly narrative?: ReportNarrative;
  /**
   * The day the lists were read as of (the period's end for a past period, YYYY-MM-DD): items
   * created later are left out and values are those the version history held that day.
   */
  readonly asOf?: string;
  /** Best practice shared between the councils (annual review). */
  readonly bestPractice?: readonly { readonly title: string; readonly fromCouncil: string; readonly toCouncil: string; readonly description: string; readonly serviceName?: string }[];
  /** Lessons learned (annual review). */
  readonly lessonsLearned?: readonly { readonly title: string; readonly category: string; readonly lesson: string; readonly serviceName?: string }[];
  /** The committee meeting that receives this report, when the committee meetings list names one. */
  readonly meeting?: ReportMeeting;
  /** Budget overview of the financial year (annual review); missing in older snapshots. */
  readonly budget?: BudgetOverview;
  /**
   * Objectives by reported status and RAG in each of the last four quarters up to the period,
   * oldest first. Absent in snapshots published before the trend was added.
   */
  readonly trend?: readonly TrendRow[];
}

/** One quarter of the status and RAG trend. */
export interface TrendRow {
  /** The quarter. */
  readonly period: ReportPeriod;
  /** Objectives per status, as last reported by the end of the quarter. */
  readonly statusCounts: Readonly<Record<ObjectiveStatus, number>>;
  /** Objectives per RAG rating, as last reported by the end of the quarter. */
  readonly ragCounts: Readonly<Record<Rag, number>>;
  /** Objectives with no update reported by the end of the quarter (not counted above). */
  readonly notReported: number;
}
