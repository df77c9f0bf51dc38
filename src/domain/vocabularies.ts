/**
 * Controlled vocabularies taken from the councils' own monitoring reports.
 * They are the single source for choice fields in the schema and for validation.
 */

/** Progress status of an objective, as written in the February 2022 report. */
export const OBJECTIVE_STATUSES = ['Not started', 'In progress', 'Ongoing', 'On hold', 'Complete'] as const;
/** Progress status of an objective. */
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

/**
 * Red/Amber/Green rating used in highlight reports, and "Not rated" for an objective nobody
 * has rated yet (an imported paper without a RAG column, a new objective), so that no rating
 * is ever made up.
 */
export const RAG_RATINGS = ['Red', 'Amber', 'Green', 'Not rated'] as const;
/** Red/Amber/Green rating. */
export type Rag = (typeof RAG_RATINGS)[number];

/** What a new objective shows until it is first rated. */
export const NOT_RATED = 'Not rated';
/** RAG of an objective: the same ratings, "Not rated" included (last, so it sorts after Green). */
export const OBJECTIVE_RAGS = RAG_RATINGS;
/** RAG of an objective. */
export type ObjectiveRag = Rag;

/** Status of one action of an objective's action plan, as the councils' plan tables write it. */
export const ACTION_STATUSES = ['Not started', 'In progress', 'Complete', 'On hold'] as const;
/** Status of an action. */
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The four benefit categories of the shared services business case (framework report, para 12). */
export const BENEFIT_CATEGORIES = [
  'Financial savings',
  'Resilience and capacity',
  'Service development',
  'Staff development'
] as const;
/** One of the four benefit categories. */
export type BenefitCategory = (typeof BENEFIT_CATEGORIES)[number];

/** Delivery status of a benefit ("Already achieved", "In progress - expected 2022" in the report). */
export const BENEFIT_DELIVERY_STATUSES = ['Planned', 'In progress', 'Achieved'] as const;
/** Delivery status of a benefit. */
export type BenefitDeliveryStatus = (typeof BENEFIT_DELIVERY_STATUSES)[number];

/** Phases in which services move into sharing. */
export const SERVICE_PHASES = ['Phase 1', 'Phase 2', 'Phase 3', 'Established'] as const;
/** Sharing phase of a service. */
export type ServicePhase = (typeof SERVICE_PHASES)[number];

/** Lifecycle of a risk in the register. */
export const RISK_STATUSES = ['Open', 'Closed'] as const;
/** Lifecycle status of a risk. */
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** Whether a higher or lower actual is better for a measure. */
export const MEASURE_DIRECTIONS = ['Higher is better', 'Lower is better'] as const;
/** Polarity of a measure. */
export type MeasureDirection = (typeof MEASURE_DIRECTIONS)[number];

/** How often a measure is reported (most quarterly; a survey-based measure every other quarter). */
export const MEASURE_FREQUENCIES = ['Quarterly', 'Every other quarter', 'Annually'] as const;
/** Reporting frequency of a measure. */
export type MeasureFrequency = (typeof MEASURE_FREQUENCIES)[number];

/** Outcome of one reminder send attempt. */
export const REMINDER_STATUSES = ['Pending', 'Sent', 'Failed'] as const;
/** Outcome of one reminder send attempt. */
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** Categories of the best practice register (the kinds of practice the best-practice appendix describes). */
export const BEST_PRACTICE_CATEGORIES = ['Policies and strategy', 'Systems and processes', 'Structure and roles', 'Networks and engagement', 'Other'] as const;
/** Category of best practice. */
export type BestPracticeCategory = (typeof BEST_PRACTICE_CATEGORIES)[number];

/** Categories of the lessons learned register (history-of-sharing note, officer conclusions 7-10). */
export const LESSON_CATEGORIES = ['IT', 'HR', 'Timescales', 'Engagement', 'Exit strategy', 'Governance', 'Other'] as const;
/** Category of a lesson learned. */
export type LessonCategory = (typeof LESSON_CATEGORIES)[number];

/** Kinds of success of the annual review's "areas of success and achievements" (the benefits tracker's headings and the best-practice appendix). */
export const SUCCESS_CATEGORIES = ['Service improvement', 'Resilience and capacity', 'Staff development', 'Savings', 'Partnership working', 'Recognition'] as const;
/** Category of a success. */
export type SuccessCategory = (typeof SUCCESS_CATEGORIES)[number];

/** Likelihood and impact are scored 1 to 5. */
export const RISK_SCALE = { min: 1, max: 5 } as const;

/**
 * What a file of the committee papers library holds: the Word paper the committee received, or
 * the data of a published report too large for its snapshot's column.
 */
export const PAPER_CONTENTS = ['Word paper', 'Report data'] as const;
/** What a committee papers file holds. */
export type PaperContent = (typeof PAPER_CONTENTS)[number];
