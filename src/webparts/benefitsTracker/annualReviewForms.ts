/**
 * Values of the best practice, lessons learned, successes and services forms, and their conversion to the
 * models checked by the domain validators (rich text sanitised, text trimmed).
 */
import type { NewItem } from '../../data/repositories';
import type { BestPractice, LessonLearned, Person, Service, Success } from '../../domain/types';
import { validateBestPractice, validateLessonLearned, validateService, validateSuccess, ValidationError } from '../../domain/validation';
import type { BestPracticeCategory, LessonCategory, ServicePhase, SuccessCategory } from '../../domain/vocabularies';
import { sanitiseRichText } from '../../components/sanitise';

/** What a form's values convert to. */
export interface IConversion<T> {
  model: NewItem<T>;
  errors: ValidationError[];
}

/** Values of the best practice form. */
export interface IBestPracticeValues {
  title: string;
  fromCouncil: string;
  toCouncil: string;
  description: string;
  /** Undefined for practice shared across the programme. */
  serviceId?: number;
  category?: BestPracticeCategory;
}

/** Form values of stored best practice, or of new practice. */
export function bestPracticeValues(item: BestPractice | undefined): IBestPracticeValues {
  return {
    title: item?.title ?? '',
    fromCouncil: item?.fromCouncil ?? '',
    toCouncil: item?.toCouncil ?? '',
    description: item?.description ?? '',
    serviceId: item?.serviceId,
    category: item?.category
  };
}

/** Converts and validates best practice. */
export function convertBestPractice(values: IBestPracticeValues): IConversion<BestPractice> {
  const model = {
    title: values.title.trim(),
    fromCouncil: values.fromCouncil.trim(),
    toCouncil: values.toCouncil.trim(),
    description: sanitiseRichText(values.description),
    serviceId: values.serviceId,
    category: values.category
  };
  return { model, errors: validateBestPractice(model) };
}

/** Values of the lesson learned form. */
export interface ILessonValues {
  title: string;
  lesson: string;
  category?: LessonCategory;
  /** Undefined for a programme-wide lesson. */
  serviceId?: number;
}

/** Form values of a stored lesson, or of a new one. */
export function lessonValues(item: LessonLearned | undefined): ILessonValues {
  return { title: item?.title ?? '', lesson: item?.lesson ?? '', category: item?.category, serviceId: item?.serviceId };
}

/** Converts and validates a lesson learned. */
export function convertLesson(values: ILessonValues): IConversion<LessonLearned> {
  const model = { title: values.title.trim(), lesson: sanitiseRichText(values.lesson), category: values.category, serviceId: values.serviceId };
  return { model: model as NewItem<LessonLearned>, errors: validateLessonLearned(model) };
}

/** Values of the success form. */
export interface ISuccessValues {
  title: string;
  serviceId?: number;
  achievement: string;
  /** Councils benefiting, in the order picked; empty for every partner council of the service. */
  councils: string[];
  category?: SuccessCategory;
  /** YYYY-MM-DD. */
  achievedOn?: string;
}

/** Form values of a stored success, or of a new one (achieved today by default). */
export function successValues(item: Success | undefined, today?: string): ISuccessValues {
  return {
    title: item?.title ?? '',
    serviceId: item?.serviceId,
    achievement: item?.achievement ?? '',
    councils: item ? (item.councils ?? []).slice() : [],
    category: item?.category,
    achievedOn: item?.achievedOn ?? today
  };
}

/** Converts and validates a success. */
export function convertSuccess(values: ISuccessValues): IConversion<Success> {
  const model = {
    title: values.title.trim(),
    serviceId: values.serviceId,
    achievement: sanitiseRichText(values.achievement),
    councils: values.councils.map((c) => c.trim()).filter((c) => c !== ''),
    category: values.category,
    achievedOn: values.achievedOn
  };
  return { model: model as NewItem<Success>, errors: validateSuccess(model) };
}

/** Values of the service form. */
export interface IServiceValues {
  name: string;
  phase?: ServicePhase;
  /** Partner councils, in the order picked. */
  partnerCouncils: string[];
  serviceLead?: Person;
  /** YYYY-MM-DD. */
  sharedSince?: string;
}

/** Form values of a stored service, or of a new one. */
export function serviceValues(item: Service | undefined): IServiceValues {
  return {
    name: item?.name ?? '',
    phase: item?.phase,
    partnerCouncils: item ? item.partnerCouncils.slice() : [],
    serviceLead: item?.serviceLead,
    sharedSince: item?.sharedSince
  };
}

/** Converts and validates a service (at least two different partner councils). */
export function convertService(values: IServiceValues): IConversion<Service> {
  const model = {
    name: values.name.trim(),
    phase: values.phase,
    partnerCouncils: values.partnerCouncils.map((c) => c.trim()).filter((c) => c !== ''),
    serviceLead: values.serviceLead,
    sharedSince: values.sharedSince
  };
  return { model: model as NewItem<Service>, errors: validateService(model) };
}
