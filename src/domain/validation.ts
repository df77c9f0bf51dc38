/**
 * Validators for the product's entities. Each returns every problem at once (not just the
 * first) as `ValidationError`s whose messages name the field in the words the user sees, so
 * forms can show them next to the fields and the import tools can list them per row.
 */
import { isIsoDate, isPeriodId, periodShortLabel } from './calendar';
import { activeMessages, EntityName, ValidationCode, ValidationMessages, WarningCode, formatMessage } from './messages';
import { ValidationError, ValidationFailedError } from './validationError';
import type {
  Benefit,
  BestPractice,
  BudgetLine,
  CommitteeMeeting,
  Highlight,
  LessonLearned,
  Measure,
  MeasureActual,
  Objective,
  ObjectiveUpdate,
  Person,
  Risk,
  Service,
  StaffSurvey,
  Success
} from './types';
import { REPORT_KINDS } from './report/model';
import {
  BENEFIT_CATEGORIES,
  BENEFIT_DELIVERY_STATUSES,
  BEST_PRACTICE_CATEGORIES,
  LESSON_CATEGORIES,
  SUCCESS_CATEGORIES,
  MEASURE_DIRECTIONS,
  MEASURE_FREQUENCIES,
  OBJECTIVE_RAGS,
  OBJECTIVE_STATUSES,
  RAG_RATINGS,
  RISK_SCALE,
  RISK_STATUSES,
  SERVICE_PHASES
} from './vocabularies';

export { ValidationFailedError } from './validationError';
export type { ValidationError } from './validationError';

/** Throws ValidationFailedError when there are errors; otherwise does nothing. */
export function assertValid(errors: readonly ValidationError[], entity?: EntityName): void {
  if (errors.length > 0) throw new ValidationFailedError(errors, entity);
}

/** A draft of an entity as a form holds it: any property may be missing. */
export type Draft<T> = Partial<Omit<T, 'id' | 'etag' | 'created' | 'modified'>>;

/**
 * The largest amount of money a benefit may record, in pounds: £1 billion, far above any
 * shared service's savings, and far below the 2^53 pence at which a number stops holding
 * every penny exactly.
 */
export const MAX_AMOUNT_POUNDS = 1_000_000_000;
const MAX_AMOUNT_TEXT = '£1,000,000,000';

/**
 * Characters that show nothing: whitespace, controls, zero-width spaces and joiners, direction
 * marks, soft hyphens, variation selectors, word joiners, Hangul fillers and the byte order mark.
 */
// Written as code points, not a character class of combining marks (which lint rightly distrusts).
const INVISIBLE_CODES: ReadonlyArray<readonly [number, number]> = [
  [0x00, 0x20],
  [0x7f, 0xa0],
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x1680, 0x1680],
  [0x2000, 0x200f],
  [0x2028, 0x202f],
  [0x205f, 0x206f],
  [0x3000, 0x3000],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0]
];

/** Whether one code point shows nothing. */
function invisible(code: number): boolean {
  return INVISIBLE_CODES.some(([from, to]) => code >= from && code <= to);
}

/** The text without the characters that show nothing. */
function visiblePart(text: string): string {
  let out = '';
  for (const ch of Array.from(text)) if (!invisible(ch.codePointAt(0) as number)) out += ch;
  return out;
}

/** Whether text is made only of characters that show nothing (and is not empty). */
export function isInvisibleOnly(text: string): boolean {
  return text.length > 0 && visiblePart(text) === '';
}

/** A title as people read it: invisible characters and case ignored, runs of spaces as one. */
export function titleKey(title: string): string {
  const spaced = Array.from(title)
    .map((ch) => (/\s/.test(ch) ? ' ' : invisible(ch.codePointAt(0) as number) ? '' : ch))
    .join('');
  return spaced.replace(/ +/g, ' ').trim().toLowerCase();
}

/**
 * Another item with the same title, if any (`ownId` is the item being edited). Two benefits or
 * risks with one title cannot be told apart in a report or matched by an import, so the form
 * warns; it does not refuse, since the title may be right and the other item the one to rename.
 */
export function sameTitleAs<T extends { id: number; title: string }>(title: string, items: readonly T[], ownId?: number): T | undefined {
  const key = titleKey(title);
  if (key === '') return undefined;
  return items.find((i) => i.id !== ownId && titleKey(i.title) === key);
}

/** Length limits enforced by SharePoint columns (see schema.ts). */
export const LIMITS = { title: 255, periodId: 20, unit: 20, whenDelivered: 255 } as const;

/** Options common to every validator. */
export interface ValidateOptions {
  /** Labels and templates to use; the page's localised ones (see setActiveMessages) by default. */
  readonly messages?: ValidationMessages;
}

/** Collects errors for one entity. */
class Collector {
  public readonly errors: ValidationError[] = [];

  public constructor(
    private readonly entity: EntityName,
    private readonly messages: ValidationMessages
  ) {}

  public label(field: string): string {
    return this.messages.labels[this.entity][field] ?? field;
  }

  public add(field: string, code: ValidationCode, params: Record<string, string | number> = {}, label = this.label(field)): void {
    this.errors.push({ field, code, label, message: formatMessage(this.messages.templates[code], { label, ...params }) });
  }

  public councilLabel(field: string, council: string): string {
    return formatMessage(this.messages.councilLabel, { label: this.label(field), council });
  }

  /**
   * Non-blank text, optionally within a length limit. Text made only of invisible characters
   * (zero-width spaces, joiners, direction marks) is refused by name: it looks empty to every
   * reader and, as a title, could never be told apart. Returns whether a value is present.
   */
  public text(field: string, value: unknown, required: boolean, max?: number): boolean {
    if (typeof value !== 'string' || value.trim() === '') {
      if (required) this.add(field, 'required');
      return false;
    }
    if (isInvisibleOnly(value)) {
      this.add(field, 'invisibleOnly');
      return false;
    }
    if (max !== undefined && value.length > max) this.add(field, 'tooLong', { max });
    return true;
  }

  /**
   * An amount of money in pounds: a finite number from zero to MAX_AMOUNT_POUNDS with at most
   * two decimal places, so it is stored exactly in pence (beyond 2^53 pence a number rounds).
   */
  public money(field: string, value: unknown, opts: { required?: boolean; label?: string }): boolean {
    if (!this.number(field, value, { required: opts.required, nonNegative: true, label: opts.label })) return false;
    const label = opts.label ?? this.label(field);
    const pounds = value as number;
    if (pounds > MAX_AMOUNT_POUNDS) {
      this.add(field, 'amountTooLarge', { max: MAX_AMOUNT_TEXT }, label);
      return false;
    }
    if (Math.abs(pounds * 100 - Math.round(pounds * 100)) > 1e-6) {
      this.add(field, 'notWholePence', {}, label);
      return false;
    }
    return true;
  }

  public choice(field: string, value: unknown, allowed: readonly string[], required = true): void {
    if (value === undefined || value === null || value === '') {
      if (required) this.add(field, 'required');
      return;
    }
    if (typeof value !== 'string' || allowed.indexOf(value) < 0) this.add(field, 'notInList', { allowed: allowed.join(', ') });
  }

  public id(field: string, value: unknown, required = true): void {
    if (value === undefined || value === null) {
      if (required) this.add(field, 'required');
      return;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) this.add(field, 'required');
  }

  public person(field: string, value: Person | undefined, required = true): void {
    if (!value || typeof value.id !== 'number' || !Number.isInteger(value.id) || value.id <= 0) {
      if (required || value !== undefined) this.add(field, 'required');
    }
  }

  /** Returns the date when present and valid. */
  public date(field: string, value: unknown, required: boolean): string | undefined {
    if (value === undefined || value === null || value === '') {
      if (required) this.add(field, 'required');
      return undefined;
    }
    if (!isIsoDate(value)) {
      this.add(field, 'invalidDate');
      return undefined;
    }
    return value;
  }

  public period(field: string, value: unknown): void {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      this.add(field, 'required');
      return;
    }
    if (!isPeriodId(value) || String(value).length > LIMITS.periodId) this.add(field, 'invalidPeriod');
  }

  /** A finite number, optionally at least zero. Returns whether it is valid. */
  public number(field: string, value: unknown, opts: { required?: boolean; nonNegative?: boolean; label?: string }): boolean {
    const label = opts.label ?? this.label(field);
    if (value === undefined || value === null) {
      if (opts.required) this.add(field, 'required', {}, label);
      return false;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(field, 'notANumber', {}, label);
      return false;
    }
    if (opts.nonNegative && value < 0) {
      this.add(field, 'negative', {}, label);
      return false;
    }
    return true;
  }

  /** A whole number within a range. */
  public integerInRange(field: string, value: unknown, min: number, max: number, required = true): void {
    if (value === undefined || value === null) {
      if (required) this.add(field, 'required');
      return;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) this.add(field, 'notANumber');
    else if (!Number.isInteger(value)) this.add(field, 'notWholeNumber');
    else if (value < min || value > max) this.add(field, 'outOfRange', { min, max });
  }
}

const collector = (entity: EntityName, options?: ValidateOptions): Collector =>
  new Collector(entity, options?.messages ?? activeMessages());

/** Trimmed, case-insensitive key so "Chorley" and " chorley " count as the same council. */
const councilKey = (name: string): string => name.trim().toLowerCase();

/**
 * Whether rich text HTML has no visible content: only tags, comments, whitespace and
 * non-breaking spaces, as editors leave behind (`<p></p>`, `<div><br></div>`, `<p>&nbsp;</p>`).
 * Embedded media counts as content.
 */
export function isBlankHtml(html: unknown): boolean {
  if (typeof html !== 'string') return true;
  if (/<(img|video|audio|iframe|object|embed|svg)\b/i.test(html)) return false;
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(nbsp|#160|#xa0|#8203|#x200b|zwsp);/gi, ' ');
  // Whitespace, non-breaking and zero-width spaces, joiners, marks and the byte order mark.
  return visiblePart(text) === '';
}

/** Validates a shared service: name required, at least two distinct partner councils. */
export function validateService(service: Draft<Service>, options?: ValidateOptions): ValidationError[] {
  const c = collector('service', options);
  c.text('name', service.name, true, LIMITS.title);
  c.choice('phase', service.phase, SERVICE_PHASES);
  const councils = Array.isArray(service.partnerCouncils) ? service.partnerCouncils : [];
  const named = councils.filter((n) => typeof n === 'string' && n.trim() !== '');
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const name of named) {
    const key = councilKey(name);
    if (seen.has(key) && !reported.has(key)) {
      c.add('partnerCouncils', 'duplicateValue', { value: name.trim() });
      reported.add(key);
    }
    seen.add(key);
  }
  if (seen.size < 2) c.add('partnerCouncils', 'tooFewPartners');
  c.date('sharedSince', service.sharedSince, false);
  return c.errors;
}

/** Options of objective validation. */
export interface ObjectiveValidateOptions extends ValidateOptions {
  /** True when creating an objective: its target date must then be after `today`. */
  readonly isNew?: boolean;
  /** Today's date (YYYY-MM-DD); required when `isNew` so that the check is deterministic. */
  readonly today?: string;
}

/**
 * Validates an objective: description, service and responsible officer required, status and
 * RAG from the vocabularies, and for new objectives a target date in the future.
 */
export function validateObjective(objective: Draft<Objective>, options?: ObjectiveValidateOptions): ValidationError[] {
  const c = collector('objective', options);
  c.text('title', objective.title, true, LIMITS.title);
  c.id('serviceId', objective.serviceId);
  c.person('responsibleOfficer', objective.responsibleOfficer);
  c.choice('status', objective.status, OBJECTIVE_STATUSES);
  c.choice('rag', objective.rag, OBJECTIVE_RAGS);
  const target = c.date('targetDate', objective.targetDate, false);
  if (target !== undefined && options?.isNew) {
    if (!isIsoDate(options.today)) {
      // A programming error, not a user one: the caller must say what today is.
      throw new TypeError('validateObjective: options.today (YYYY-MM-DD) is required when isNew is true.');
    }
    if (target <= options.today) c.add('targetDate', 'dateNotInFuture');
  }
  return c.errors;
}

/** Validates a quarterly update: objective, valid period, non-empty narrative, status and RAG. */
export function validateObjectiveUpdate(update: Draft<ObjectiveUpdate>, options?: ValidateOptions): ValidationError[] {
  const c = collector('objectiveUpdate', options);
  c.id('objectiveId', update.objectiveId);
  c.period('periodId', update.periodId);
  if (typeof update.narrative !== 'string' || update.narrative.trim() === '') c.add('narrative', 'required');
  else if (isBlankHtml(update.narrative)) c.add('narrative', 'emptyRichText');
  c.choice('status', update.status, OBJECTIVE_STATUSES);
  c.choice('rag', update.rag, RAG_RATINGS);
  return c.errors;
}

/** Options of benefit validation. */
export interface BenefitValidateOptions extends ValidateOptions {
  /** The benefit's service, when known: savings councils must be among its partner councils. */
  readonly service?: Pick<Service, 'partnerCouncils'>;
}

/** Whether a URL is absolute https. Returns an error code, or undefined when it is fine. */
function urlProblem(value: string): 'notHttps' | 'invalidUrl' | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    // The URL constructor throws TypeError for anything that is not an absolute URL: that is the answer.
    return 'invalidUrl';
  }
  if (url.protocol !== 'https:') return 'notHttps';
  return url.hostname ? undefined : 'invalidUrl';
}

/**
 * Validates a benefit: title, service and category required; savings amounts finite and not
 * negative, one row per council, each a partner of the service; FTE not negative; evidence
 * link https only.
 */
export function validateBenefit(benefit: Draft<Benefit>, options?: BenefitValidateOptions): ValidationError[] {
  const c = collector('benefit', options);
  c.text('title', benefit.title, true, LIMITS.title);
  c.id('serviceId', benefit.serviceId);
  c.choice('category', benefit.category, BENEFIT_CATEGORIES);
  c.choice('deliveryStatus', benefit.deliveryStatus, BENEFIT_DELIVERY_STATUSES);
  c.text('whenDelivered', benefit.whenDelivered, false, LIMITS.whenDelivered);
  const partners = options?.service ? new Set(options.service.partnerCouncils.map(councilKey)) : undefined;
  const seen = new Set<string>();
  (benefit.savings ?? []).forEach((saving, i) => {
    const path = `savings[${i}]`;
    const council = typeof saving.council === 'string' ? saving.council.trim() : '';
    if (council === '') {
      c.add(`${path}.council`, 'required', {}, c.label('savingsCouncil'));
    } else {
      const key = councilKey(council);
      if (seen.has(key)) c.add(`${path}.council`, 'duplicateValue', { value: council }, c.label('savings'));
      else if (partners && !partners.has(key)) c.add(`${path}.council`, 'notPartnerCouncil', { value: council }, c.label('savingsCouncil'));
      seen.add(key);
    }
    const who = council || String(i + 1);
    c.money(`${path}.planned`, saving.planned, { required: true, label: c.councilLabel('savingsPlanned', who) });
    c.money(`${path}.realised`, saving.realised, { required: true, label: c.councilLabel('savingsRealised', who) });
  });
  c.number('fteBefore', benefit.fteBefore, { nonNegative: true });
  c.number('fteAfter', benefit.fteAfter, { nonNegative: true });
  if (typeof benefit.evidenceUrl === 'string' && benefit.evidenceUrl.trim() !== '') {
    const problem = urlProblem(benefit.evidenceUrl);
    if (problem) c.add('evidenceUrl', problem);
  }
  return c.errors;
}

/** Validates a risk: title and owner required, likelihood and impact whole numbers 1-5, valid review date. */
export function validateRisk(risk: Draft<Risk>, options?: ValidateOptions): ValidationError[] {
  const c = collector('risk', options);
  c.text('title', risk.title, true, LIMITS.title);
  c.person('owner', risk.owner);
  for (const field of ['inherentLikelihood', 'inherentImpact', 'residualLikelihood', 'residualImpact'] as const) {
    c.integerInRange(field, risk[field], RISK_SCALE.min, RISK_SCALE.max);
  }
  c.date('reviewDate', risk.reviewDate, false);
  c.integerInRange('previousResidualScore', risk.previousResidualScore, RISK_SCALE.min, RISK_SCALE.max * RISK_SCALE.max, false);
  c.choice('status', risk.status, RISK_STATUSES);
  return c.errors;
}

/** Validates a measure: title, service, numeric target and direction required; actuals keyed by valid periods. */
export function validateMeasure(measure: Draft<Measure>, options?: ValidateOptions): ValidationError[] {
  const c = collector('measure', options);
  c.text('title', measure.title, true, LIMITS.title);
  c.id('serviceId', measure.serviceId);
  c.text('unit', measure.unit, false, LIMITS.unit);
  c.number('target', measure.target, { required: true });
  c.choice('direction', measure.direction, MEASURE_DIRECTIONS);
  c.choice('frequency', measure.frequency, MEASURE_FREQUENCIES, false);
  c.person('responsibleOfficer', measure.responsibleOfficer, false);
  const actuals = measure.actuals ?? {};
  for (const periodId of Object.keys(actuals)) {
    const path = `actuals.${periodId}`;
    if (!isPeriodId(periodId)) c.add(path, 'invalidPeriod', {}, c.label('actuals'));
    else c.number(path, actuals[periodId], { required: true, label: `${c.label('actuals')} (${periodShortLabel(periodId)})` });
  }
  return c.errors;
}

/** Options of highlight validation. */
export interface HighlightValidateOptions extends ValidateOptions {
  /**
   * The general updates already stored, when known: a service has one general update per
   * committee meeting, so another one for the same service and meeting is refused.
   */
  readonly others?: ReadonlyArray<Pick<Highlight, 'id' | 'serviceId' | 'meetingDate'>>;
  /** Id of the general update being edited (undefined for a new one), so it is not its own duplicate. */
  readonly id?: number;
}

/** Validates a highlight report: service, meeting date and period required, some content, one per service and meeting. */
export function validateHighlight(highlight: Draft<Highlight>, options?: HighlightValidateOptions): ValidationError[] {
  const c = collector('highlight', options);
  c.id('serviceId', highlight.serviceId);
  const meeting = c.date('meetingDate', highlight.meetingDate, true);
  c.period('periodId', highlight.periodId);
  if (isBlankHtml(highlight.keyPoints) && isBlankHtml(highlight.activityOverview)) c.add('keyPoints', 'contentRequired');
  if (meeting !== undefined && options?.others?.some((h) => h.id !== options.id && h.serviceId === highlight.serviceId && h.meetingDate === meeting)) {
    c.add('meetingDate', 'alreadyWritten');
  }
  return c.errors;
}

/** Validates best practice: title and both councils required (and different), optional service. */
export function validateBestPractice(practice: Draft<BestPractice>, options?: ValidateOptions): ValidationError[] {
  const c = collector('bestPractice', options);
  c.text('title', practice.title, true, LIMITS.title);
  const from = c.text('fromCouncil', practice.fromCouncil, true, LIMITS.title);
  const to = c.text('toCouncil', practice.toCouncil, true, LIMITS.title);
  if (from && to && councilKey(String(practice.fromCouncil)) === councilKey(String(practice.toCouncil))) c.add('toCouncil', 'sameCouncil');
  c.id('serviceId', practice.serviceId, false);
  c.choice('category', practice.category, BEST_PRACTICE_CATEGORIES, false);
  return c.errors;
}

/** Validates a lesson learned: summary, lesson text and category required, optional service. */
export function validateLessonLearned(lesson: Draft<LessonLearned>, options?: ValidateOptions): ValidationError[] {
  const c = collector('lessonLearned', options);
  c.text('title', lesson.title, true, LIMITS.title);
  if (typeof lesson.lesson !== 'string' || lesson.lesson.trim() === '') c.add('lesson', 'required');
  else if (isBlankHtml(lesson.lesson)) c.add('lesson', 'emptyRichText');
  c.choice('category', lesson.category, LESSON_CATEGORIES);
  c.id('serviceId', lesson.serviceId, false);
  return c.errors;
}

/**
 * Validates a success: summary, service, what was achieved, category and date required; the
 * councils benefiting, when named, are each written once.
 */
export function validateSuccess(success: Draft<Success>, options?: ValidateOptions): ValidationError[] {
  const c = collector('success', options);
  c.text('title', success.title, true, LIMITS.title);
  c.id('serviceId', success.serviceId);
  if (typeof success.achievement !== 'string' || success.achievement.trim() === '') c.add('achievement', 'required');
  else if (isBlankHtml(success.achievement)) c.add('achievement', 'emptyRichText');
  c.choice('category', success.category, SUCCESS_CATEGORIES);
  c.date('achievedOn', success.achievedOn, true);
  const seen = new Set<string>();
  for (const name of Array.isArray(success.councils) ? success.councils : []) {
    if (typeof name !== 'string' || name.trim() === '') c.add('councils', 'required');
    else if (name.length > LIMITS.title) c.add('councils', 'tooLong', { max: LIMITS.title });
    else if (seen.has(councilKey(name))) c.add('councils', 'duplicateValue', { value: name.trim() });
    else seen.add(councilKey(name));
  }
  return c.errors;
}

/** Options of committee meeting validation. */
export interface MeetingValidateOptions extends ValidateOptions {
  /** The meetings already stored: two meetings on one date are refused. */
  readonly others?: ReadonlyArray<Pick<CommitteeMeeting, 'id' | 'meetingDate'>>;
  /** Id of the meeting edited (undefined for a new one). */
  readonly id?: number;
}

/** Validates a committee meeting: name and date required, one meeting a date, known report kinds, at least one. */
export function validateCommitteeMeeting(meeting: Draft<CommitteeMeeting>, options?: MeetingValidateOptions): ValidationError[] {
  const c = collector('committeeMeeting', options);
  c.text('title', meeting.title, true, LIMITS.title);
  const date = c.date('meetingDate', meeting.meetingDate, true);
  if (date !== undefined && options?.others?.some((m) => m.id !== options.id && m.meetingDate === date)) c.add('meetingDate', 'duplicateValue', { value: date });
  const reports = Array.isArray(meeting.reports) ? meeting.reports : [];
  if (reports.length === 0) c.add('reports', 'required');
  for (const r of reports) c.choice('reports', r, REPORT_KINDS);
  return c.errors;
}

/** Validates a measure's quarterly actual: measure, valid period and a number required; comment optional. */
export function validateMeasureActual(actual: Draft<MeasureActual>, options?: ValidateOptions): ValidationError[] {
  const c = collector('measureActual', options);
  c.id('measureId', actual.measureId);
  c.period('periodId', actual.periodId);
  c.number('value', actual.value, { required: true });
  return c.errors;
}

/** Validates a staff survey result: service and period, whole numbers of people, responses no more than surveyed, 0-100%. */
export function validateStaffSurvey(survey: Draft<StaffSurvey>, options?: ValidateOptions): ValidationError[] {
  const c = collector('staffSurvey', options);
  c.id('serviceId', survey.serviceId);
  c.period('periodId', survey.periodId);
  c.integerInRange('surveyed', survey.surveyed, 1, 100000);
  c.integerInRange('responses', survey.responses, 0, 100000);
  if (typeof survey.surveyed === 'number' && typeof survey.responses === 'number' && survey.responses > survey.surveyed) c.add('responses', 'moreThanSurveyed');
  if (c.number('satisfiedPercent', survey.satisfiedPercent, { required: true, nonNegative: true }) && (survey.satisfiedPercent as number) > 100) {
    c.add('satisfiedPercent', 'outOfRange', { min: 0, max: 100 });
  }
  return c.errors;
}

/** Options of budget line validation. */
export interface BudgetValidateOptions extends ValidateOptions {
  /** The line's service, when known: the split must be between its partner councils. */
  readonly service?: Pick<Service, 'partnerCouncils'>;
}

/**
 * Validates a budget line: service and financial year, amounts that are numbers and not negative,
 * one share per council (each a partner of the service), and a split adding up to the budget.
 */
export function validateBudgetLine(line: Draft<BudgetLine>, options?: BudgetValidateOptions): ValidationError[] {
  const c = collector('budgetLine', options);
  c.id('serviceId', line.serviceId);
  if (line.financialYear === undefined || line.financialYear === null) c.add('financialYear', 'required');
  else if (typeof line.financialYear !== 'number' || !Number.isInteger(line.financialYear) || line.financialYear < 2000 || line.financialYear > 2100) {
    c.add('financialYear', 'invalidYear');
  }
  const budgetOk = c.number('sharedBudget', line.sharedBudget, { required: true, nonNegative: true });
  c.number('savingsApproved', line.savingsApproved, { required: true, nonNegative: true });
  const partners = options?.service ? new Set(options.service.partnerCouncils.map(councilKey)) : undefined;
  const seen = new Set<string>();
  let total = 0;
  let allNumbers = true;
  (line.split ?? []).forEach((share, i) => {
    const path = `split[${i}]`;
    const council = typeof share.council === 'string' ? share.council.trim() : '';
    if (council === '') c.add(`${path}.council`, 'required', {}, c.label('splitCouncil'));
    else {
      const key = councilKey(council);
      if (seen.has(key)) c.add(`${path}.council`, 'duplicateValue', { value: council }, c.label('split'));
      else if (partners && !partners.has(key)) c.add(`${path}.council`, 'notPartnerCouncil', { value: council }, c.label('splitCouncil'));
      seen.add(key);
    }
    const ok = c.number(`${path}.amount`, share.amount, { required: true, nonNegative: true, label: c.councilLabel('splitAmount', council || String(i + 1)) });
    if (ok) total += Math.round((share.amount as number) * 100);
    else allNumbers = false;
  });
  if (budgetOk && allNumbers && (line.split ?? []).length > 0 && total !== Math.round((line.sharedBudget as number) * 100)) {
    c.add('split', 'splitMismatch', { value: (total / 100).toFixed(2) });
  }
  return c.errors;
}

/** A value worth a second look: the form explains it and saves only once the user confirms. */
export interface ValidationWarning {
  /** Model property the warning is about. */
  readonly field: string;
  /** Machine-readable reason. */
  readonly code: WarningCode;
  /** Label of the field as the user sees it. */
  readonly label: string;
  /** Full explanation for the user. */
  readonly message: string;
}

/** Options of {@link riskWarnings}. */
export interface RiskWarningOptions extends ValidateOptions {
  /** Today (YYYY-MM-DD), for review dates that have passed. */
  readonly today: string;
  /** The risk as stored, when editing: what was confirmed before is not asked about again. */
  readonly stored?: Draft<Risk>;
}

const UK_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const onScale = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= RISK_SCALE.min && n <= RISK_SCALE.max;

/**
 * What a risk's form should ask the user to confirm before saving (run once it validates): a
 * residual score above the inherent score, and an open risk's review date that has already
 * passed. Unchanged values of a stored risk are not asked about again.
 */
export function riskWarnings(risk: Draft<Risk>, options: RiskWarningOptions): ValidationWarning[] {
  const messages = options.messages ?? activeMessages();
  const warnings: ValidationWarning[] = [];
  const warn = (field: string, code: WarningCode, params: Record<string, string | number>): void => {
    const label = messages.labels.risk[field] ?? field;
    warnings.push({ field, code, label, message: formatMessage(messages.warnings[code], { label, ...params }) });
  };
  const { inherentLikelihood: il, inherentImpact: ii, residualLikelihood: rl, residualImpact: ri } = risk;
  const stored = options.stored;
  const scoresChanged =
    !stored || stored.inherentLikelihood !== il || stored.inherentImpact !== ii || stored.residualLikelihood !== rl || stored.residualImpact !== ri;
  if (onScale(il) && onScale(ii) && onScale(rl) && onScale(ri) && rl * ri > il * ii && scoresChanged) {
    warn('residualImpact', 'residualAboveInherent', { inherent: il * ii, residual: rl * ri });
  }
  const review = risk.reviewDate;
  if (isIsoDate(review) && isIsoDate(options.today) && review < options.today && risk.status !== 'Closed' && review !== stored?.reviewDate) {
    warn('reviewDate', 'reviewDateInPast', { date: UK_DATE.format(new Date(`${review}T00:00:00Z`)) });
  }
  return warnings;
}
