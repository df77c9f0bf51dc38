/**
 * The registers of the annual review beside the benefits: best practice passed between partner
 * councils, lessons learned and successes. Pure filtering and the councils known to the programme, so the
 * screens' rules are tested without React.
 */
import type { BestPractice, LessonLearned, Service, Success } from './types';
import type { BestPracticeCategory, LessonCategory, SuccessCategory } from './vocabularies';

/** Filter of an annual review register; an undefined member matches everything. */
export interface AnnualReviewFilter {
  /** Only this service; `'programme'` for items that belong to no one service. */
  serviceId?: number | 'programme';
  /** Only items concerning this council (trimmed, case-insensitive). */
  council?: string;
  /** Only this category (lessons learned, best practice). */
  category?: LessonCategory | BestPracticeCategory;
}

/** Filter of the successes register: the shared filter, with the successes' own categories. */
export interface SuccessFilter extends Omit<AnnualReviewFilter, 'category'> {
  /** Only this category. */
  category?: SuccessCategory;
}

const key = (name: string): string => name.trim().toLowerCase();

/**
 * Every council the programme knows, by name: the partner councils of the services and the
 * councils named in best practice, each once (first spelling kept), sorted.
 */
export function knownCouncils(services: readonly Service[], practices: readonly BestPractice[] = []): string[] {
  const found = new Map<string, string>();
  const add = (name: string | undefined): void => {
    if (typeof name !== 'string' || name.trim() === '') return;
    if (!found.has(key(name))) found.set(key(name), name.trim());
  };
  for (const s of services) for (const c of s.partnerCouncils ?? []) add(c);
  for (const p of practices) {
    add(p.fromCouncil);
    add(p.toCouncil);
  }
  return Array.from(found.values()).sort((a, b) => a.localeCompare(b, 'en-GB'));
}

function serviceMatches(serviceId: number | undefined, wanted: AnnualReviewFilter['serviceId']): boolean {
  if (wanted === undefined) return true;
  return wanted === 'programme' ? serviceId === undefined : serviceId === wanted;
}

/** Best practice matching the filter: a council matches when the practice came from it or went to it. */
export function filterBestPractice(items: readonly BestPractice[], filter: AnnualReviewFilter): BestPractice[] {
  const council = filter.council === undefined ? undefined : key(filter.council);
  return items.filter(
    (p) =>
      serviceMatches(p.serviceId, filter.serviceId) &&
      (filter.category === undefined || p.category === filter.category) &&
      (council === undefined || key(p.fromCouncil ?? '') === council || key(p.toCouncil ?? '') === council)
  );
}

/**
 * Lessons learned matching the filter. A lesson names no council itself: it concerns the partner
 * councils of its service, and a programme-wide lesson concerns every council.
 */
export function filterLessons(items: readonly LessonLearned[], filter: AnnualReviewFilter, services: readonly Service[]): LessonLearned[] {
  const council = filter.council === undefined ? undefined : key(filter.council);
  const partners = new Map(services.map((s) => [s.id, new Set((s.partnerCouncils ?? []).map(key))]));
  return items.filter((l) => {
    if (!serviceMatches(l.serviceId, filter.serviceId)) return false;
    if (filter.category !== undefined && l.category !== filter.category) return false;
    if (council === undefined || l.serviceId === undefined) return true;
    return partners.get(l.serviceId)?.has(council) === true;
  });
}

/**
 * Successes matching the filter. A success names the councils that benefit; one that names none
 * benefits every partner council of its service.
 */
export function filterSuccesses(items: readonly Success[], filter: SuccessFilter, services: readonly Service[]): Success[] {
  const council = filter.council === undefined ? undefined : key(filter.council);
  const partners = new Map(services.map((s) => [s.id, (s.partnerCouncils ?? []).map(key)]));
  return items.filter((s) => {
    if (!serviceMatches(s.serviceId, filter.serviceId)) return false;
    if (filter.category !== undefined && s.category !== filter.category) return false;
    if (council === undefined) return true;
    const benefiting = (s.councils ?? []).length > 0 ? s.councils.map(key) : partners.get(s.serviceId) ?? [];
    return benefiting.indexOf(council) >= 0;
  });
}

/** Successes achieved from `start` to `end` (YYYY-MM-DD, both included), oldest first: those an annual review reports. */
export function successesBetween<T extends Pick<Success, 'achievedOn' | 'title'>>(items: readonly T[], start: string, end: string): T[] {
  return items
    .filter((s) => typeof s.achievedOn === 'string' && s.achievedOn.slice(0, 10) >= start && s.achievedOn.slice(0, 10) <= end)
    .sort((a, b) => a.achievedOn.localeCompare(b.achievedOn) || a.title.localeCompare(b.title, 'en-GB'));
}
