/**
 * Reading cell values: choices written loosely ("complete", "Already achieved."), UK dates,
 * whole numbers, emails and rich text. Sanitising HTML needs a DOM, so the caller supplies
 * a `CellSanitiser` (DOMPurify in src/import); this module stays pure.
 */
import { daysInMonth } from '../calendar';
import type { ActionStatus, BenefitCategory, BenefitDeliveryStatus, BestPracticeCategory, LessonCategory, ObjectiveStatus, Rag, SuccessCategory } from '../vocabularies';
import { ACTION_STATUSES, BENEFIT_CATEGORIES, BEST_PRACTICE_CATEGORIES, LESSON_CATEGORIES, OBJECTIVE_STATUSES, RAG_RATINGS, RISK_STATUSES, SUCCESS_CATEGORIES } from '../vocabularies';
import { normaliseHeading } from './columns';

/** Sanitises cell HTML; implemented with DOMPurify by src/import/sanitise.ts. */
export interface CellSanitiser {
  /** Keeps the allowed rich text markup (p, ul, ol, li, strong, b, em, i, a, br) and drops everything else. */
  html(value: string): string;
  /** The visible text of a cell, all markup removed. */
  text(value: string): string;
}

/** Whether a cell holds markup rather than plain text ("a < b" is plain text). */
export function looksLikeHtml(value: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^>]*)?\/?>/i.test(value);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A rich text cell as stored HTML: markup is sanitised and kept; plain text becomes one
 * paragraph per non-empty line. Empty cells give ''.
 */
export function toRichText(value: string, sanitiser: CellSanitiser): string {
  const trimmed = value.trim();
  if (trimmed === '') return '';
  if (looksLikeHtml(trimmed)) return sanitiser.html(trimmed).trim();
  const paragraphs = trimmed
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '');
  // Sanitised as well, so every stored value has been through the same filter.
  return sanitiser.html(paragraphs.map((line) => `<p>${escapeHtml(line)}</p>`).join(''));
}

/** A plain text cell: markup removed, line breaks and repeated spaces collapsed. */
export function toPlainText(value: string, sanitiser: CellSanitiser): string {
  const text = looksLikeHtml(value) ? sanitiser.text(value) : value;
  return text.replace(/\s+/g, ' ').trim();
}

/** Key for matching names: case, punctuation and spacing ignored. */
export const nameKey = (text: string): string => normaliseHeading(text);

/** Finds a value of a vocabulary written loosely; synonyms map normalised text to a value. */
function choiceOf<T extends string>(value: string, allowed: readonly T[], synonyms: Readonly<Record<string, T>> = {}): T | undefined {
  const key = nameKey(value);
  return allowed.find((a) => nameKey(a) === key) ?? synonyms[key];
}

/** An objective status, e.g. "Ongoing ", "completed". */
export function objectiveStatusOf(value: string): ObjectiveStatus | undefined {
  return choiceOf(value, OBJECTIVE_STATUSES, { completed: 'Complete', done: 'Complete', 'not yet started': 'Not started', paused: 'On hold' });
}

/** An action's status as plan tables write it: "Completed", "Done", "On track", "Ongoing". */
export function actionStatusOf(value: string): ActionStatus | undefined {
  return choiceOf(value, ACTION_STATUSES, {
    completed: 'Complete',
    done: 'Complete',
    achieved: 'Complete',
    ongoing: 'In progress',
    'on track': 'In progress',
    started: 'In progress',
    'not yet started': 'Not started',
    planned: 'Not started',
    paused: 'On hold'
  });
}

/** A kind of best practice, also in shorter words ("Policies", "Systems", "Network"). */
export function bestPracticeCategoryOf(value: string): BestPracticeCategory | undefined {
  return choiceOf(value, BEST_PRACTICE_CATEGORIES, {
    policies: 'Policies and strategy',
    policy: 'Policies and strategy',
    strategy: 'Policies and strategy',
    systems: 'Systems and processes',
    system: 'Systems and processes',
    processes: 'Systems and processes',
    structure: 'Structure and roles',
    roles: 'Structure and roles',
    network: 'Networks and engagement',
    networks: 'Networks and engagement',
    engagement: 'Networks and engagement'
  });
}

/** A lesson's category as the history-of-sharing note writes it: "IT", "Human resources", "Timescale". */
export function lessonCategoryOf(value: string): LessonCategory | undefined {
  return choiceOf(value, LESSON_CATEGORIES, {
    ict: 'IT',
    'information technology': 'IT',
    'human resources': 'HR',
    timescale: 'Timescales',
    timing: 'Timescales',
    'staff engagement': 'Engagement',
    exit: 'Exit strategy',
    'project planning': 'Governance'
  });
}

/** A success's category, also under the benefits tracker's headings ("Financial savings", "Service development"). */
export function successCategoryOf(value: string): SuccessCategory | undefined {
  return choiceOf(value, SUCCESS_CATEGORIES, {
    'financial savings': 'Savings',
    'staffing savings': 'Savings',
    financial: 'Savings',
    'service development': 'Service improvement',
    'resilience and capacity': 'Resilience and capacity',
    capacity: 'Resilience and capacity',
    resilience: 'Resilience and capacity',
    partnership: 'Partnership working',
    partnerships: 'Partnership working',
    award: 'Recognition',
    awards: 'Recognition'
  });
}

/** A RAG rating, e.g. "green", "G". */
export function ragOf(value: string): Rag | undefined {
  return choiceOf(value, RAG_RATINGS, { r: 'Red', a: 'Amber', g: 'Green' });
}

/** RAG given to a new objective when the file has no RAG column. */
export function ragFromStatus(status: ObjectiveStatus): Rag {
  return status === 'On hold' ? 'Amber' : 'Green';
}

/** A benefit category, including the report's own section names ("Staffing savings"). */
export function benefitCategoryOf(value: string): BenefitCategory | undefined {
  return choiceOf(value, BENEFIT_CATEGORIES, {
    'staffing savings': 'Financial savings',
    savings: 'Financial savings',
    'financial savings': 'Financial savings',
    financial: 'Financial savings',
    resilience: 'Resilience and capacity',
    capacity: 'Resilience and capacity',
    'resilience capacity': 'Resilience and capacity'
  });
}

/** A delivery status written in the Delivery status column. */
export function deliveryStatusOf(value: string): BenefitDeliveryStatus | undefined {
  const key = nameKey(value);
  if (key === 'planned' || key === 'not started') return 'Planned';
  if (key === 'in progress') return 'In progress';
  if (key === 'achieved' || key === 'already achieved' || key === 'complete' || key === 'completed') return 'Achieved';
  return undefined;
}

/**
 * Delivery status worked out from "When will the benefit be delivered?" as the tracker
 * writes it: "Already achieved." → Achieved, "In progress- expected 2022" → In progress,
 * "June 2022" → Planned.
 */
export function deliveryStatusFromWhen(when: string): BenefitDeliveryStatus {
  const key = nameKey(when);
  if (/\b(already )?achieved\b|\bcomplete(d)?\b|\bdelivered\b/.test(key) && !/\bto be\b/.test(key)) return 'Achieved';
  if (/\bin progress\b|\bunderway\b|\bongoing\b/.test(key)) return 'In progress';
  return 'Planned';
}

/** A risk status. */
export function riskStatusOf(value: string): (typeof RISK_STATUSES)[number] | undefined {
  return choiceOf(value, RISK_STATUSES);
}

/**
 * A date as YYYY-MM-DD from "2023-03-31", "31/03/2023", "31/3/23" or "31.03.2023" (UK day
 * first, never US month first). Returns undefined when it is not a real date.
 */
export function dateOf(value: string): string | undefined {
  const text = value.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (uk) {
    [d, m, y] = [Number(uk[1]), Number(uk[2]), Number(uk[3])];
    if (uk[3].length === 2) y += 2000;
  } else {
    return undefined;
  }
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A number written with optional thousands separators, "£" or "%"; undefined when not a number. */
export function numberOf(value: string): number | undefined {
  const text = value.trim().replace(/[£,%\s]/g, '');
  if (text === '' || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return undefined;
  return Number(text);
}

/** Whether a value looks like an email address. */
export function isEmail(value: string): boolean {
  return /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/.test(value.trim());
}

/** The email address in a cell, accepting "Name <name@council.gov.uk>" and "mailto:" forms. */
export function emailOf(value: string): string | undefined {
  const text = value.trim();
  const angle = /<([^<>]+)>\s*$/.exec(text);
  const candidate = (angle ? angle[1] : text).replace(/^mailto:/i, '').trim();
  return isEmail(candidate) ? candidate.toLowerCase() : undefined;
}
