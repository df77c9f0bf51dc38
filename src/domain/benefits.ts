/**
 * Pure calculations of the benefits tracker: savings totals per council, per service and
 * overall (planned against realised), grouping by the four categories of the business case,
 * filtering and FTE change. The history-of-sharing note found that councils "could not
 * evidence" their savings; these totals are what the committee sees, so they are exact:
 * amounts are summed in whole pence to keep floating-point drift out of the pounds shown.
 */
import type { Benefit, CouncilSaving, Service } from './types';
import { BENEFIT_CATEGORIES, BenefitCategory, BenefitDeliveryStatus } from './vocabularies';
import { matchesWords, searchablePlain, searchKey, searchWords, servicesOfCouncil } from './search';

/** Planned and realised savings (GBP). */
export interface SavingsTotal {
  /** Savings planned in the business case. */
  planned: number;
  /** Savings realised to date. */
  realised: number;
}

/** Savings of one partner council. */
export interface CouncilTotal extends SavingsTotal {
  /** Council name as written in `Service.partnerCouncils`. */
  council: string;
}

/** Savings of one service, overall and per partner council. */
export interface ServiceSavings extends SavingsTotal {
  /** Service id. */
  serviceId: number;
  /** Service name. */
  serviceName: string;
  /** Per council, the service's partners first in their order (even at zero), then any others. */
  byCouncil: CouncilTotal[];
}

/** Every total the tracker shows. */
export interface SavingsSummary {
  /** Per council across every service, councils in order of first appearance. */
  byCouncil: CouncilTotal[];
  /** Per service, in the order of the services given. */
  byService: ServiceSavings[];
  /** Across every benefit. */
  overall: SavingsTotal;
}

/** Filter of the benefits tracker; an undefined member matches everything. */
export interface BenefitFilter {
  /** Only this service. */
  serviceId?: number;
  /** Only this category. */
  category?: BenefitCategory;
  /** Only this delivery status. */
  deliveryStatus?: BenefitDeliveryStatus;
  /** Only benefits of services this partner council shares, or with savings recorded for it. */
  council?: string;
  /** Free text: every word must appear in the title, the descriptions or the service's name. */
  search?: string;
}

/** One of the four categories with its benefits. */
export interface BenefitGroup {
  /** The category. */
  category: BenefitCategory;
  /** Its benefits, in the order given. */
  benefits: Benefit[];
}

const toPence = (pounds: number): number => (Number.isFinite(pounds) ? Math.round(pounds * 100) : 0);
const toPounds = (pence: number): number => pence / 100;

/** Trimmed, case-insensitive key, as validation uses, so " chorley council" counts as "Chorley Council". */
const councilKey = (name: string): string => name.trim().toLowerCase();

/** Accumulates pence per council, remembering the first spelling and order of each council. */
class CouncilAccumulator {
  private readonly _totals: Map<string, { council: string; planned: number; realised: number }> = new Map();

  public constructor(councils: readonly string[] = []) {
    for (const council of councils) this._entry(council);
  }

  public add(savings: readonly CouncilSaving[] | undefined): void {
    for (const s of savings ?? []) {
      if (typeof s.council !== 'string' || s.council.trim() === '') continue;
      const entry = this._entry(s.council);
      entry.planned += toPence(s.planned);
      entry.realised += toPence(s.realised);
    }
  }

  public result(): CouncilTotal[] {
    return Array.from(this._totals.values()).map((t) => ({ council: t.council, planned: toPounds(t.planned), realised: toPounds(t.realised) }));
  }

  private _entry(council: string): { council: string; planned: number; realised: number } {
    const key = councilKey(council);
    let entry = this._totals.get(key);
    if (!entry) {
      entry = { council: council.trim(), planned: 0, realised: 0 };
      this._totals.set(key, entry);
    }
    return entry;
  }
}

/** Sum of councils' totals, in pence then back to pounds. */
export function sumTotals(totals: readonly SavingsTotal[]): SavingsTotal {
  let planned = 0;
  let realised = 0;
  for (const t of totals) {
    planned += toPence(t.planned);
    realised += toPence(t.realised);
  }
  return { planned: toPounds(planned), realised: toPounds(realised) };
}

/** Planned and realised savings of one benefit across all its councils. */
export function benefitSavings(benefit: Pick<Benefit, 'savings'>): SavingsTotal {
  return sumTotals(benefit.savings ?? []);
}

/** Whether a benefit records any savings at all (a financial benefit, or another with a £ figure). */
export function hasSavings(benefit: Pick<Benefit, 'savings'>): boolean {
  return (benefit.savings ?? []).length > 0;
}

/**
 * Savings per council across benefits. `councils` are listed first, in their order and even
 * at zero (so a partner with no savings yet still shows); councils only found in the
 * benefits follow in order of first appearance.
 */
export function councilTotals(benefits: readonly Pick<Benefit, 'savings'>[], councils: readonly string[] = []): CouncilTotal[] {
  const acc = new CouncilAccumulator(councils);
  for (const b of benefits) acc.add(b.savings);
  return acc.result();
}

/**
 * Every total of the tracker: per council, per service (each with its own partners) and
 * overall. Benefits whose service is not among `services` still count towards the council
 * and overall totals, so nothing silently drops out of the committee's figures.
 */
export function savingsSummary(benefits: readonly Benefit[], services: readonly Service[]): SavingsSummary {
  const allCouncils: string[] = [];
  for (const s of services) allCouncils.push(...s.partnerCouncils);
  const byService: ServiceSavings[] = services.map((service) => {
    const own = benefits.filter((b) => b.serviceId === service.id);
    const byCouncil = councilTotals(own, service.partnerCouncils);
    return { serviceId: service.id, serviceName: service.name, ...sumTotals(byCouncil), byCouncil };
  });
  const byCouncil = councilTotals(benefits, allCouncils);
  return { byCouncil, byService, overall: sumTotals(byCouncil) };
}

/** Services that have any planned or realised savings: the bars of the chart, in service order. */
export function chartServices(summary: SavingsSummary): ServiceSavings[] {
  return summary.byService.filter((s) => s.planned > 0 || s.realised > 0);
}

/** Benefits matching the filter. */
export function filterBenefits(benefits: readonly Benefit[], filter: BenefitFilter, services: readonly Service[] = []): Benefit[] {
  const council = filter.council;
  const shared = council === undefined ? undefined : servicesOfCouncil(services, council);
  const words = searchWords(filter.search);
  const names = new Map(services.map((s) => [s.id, s.name]));
  return benefits.filter(
    (b) =>
      (filter.serviceId === undefined || b.serviceId === filter.serviceId) &&
      (filter.category === undefined || b.category === filter.category) &&
      (filter.deliveryStatus === undefined || b.deliveryStatus === filter.deliveryStatus) &&
      (council === undefined || (shared?.has(b.serviceId) ?? false) || b.savings.some((s) => s.council === council)) &&
      (words.length === 0 || matchesWords(benefitSearchText(b, names.get(b.serviceId)), words))
  );
}

/** The text a benefit is searched by. */
function benefitSearchText(b: Benefit, serviceName: string | undefined): string {
  return searchKey(
    [b.title, serviceName ?? '', searchablePlain(b.originalPosition), searchablePlain(b.achievement), searchablePlain(b.realised), b.whenDelivered ?? ''].join(' ')
  );
}

/** The four categories in the business case's order, each with its benefits (possibly none). */
export function groupByCategory(benefits: readonly Benefit[]): BenefitGroup[] {
  return BENEFIT_CATEGORIES.map((category) => ({ category, benefits: benefits.filter((b) => b.category === category) }));
}

/** Posts freed (before minus after), or undefined unless both FTE figures are recorded. */
export function fteChange(benefit: Pick<Benefit, 'fteBefore' | 'fteAfter'>): number | undefined {
  if (typeof benefit.fteBefore !== 'number' || typeof benefit.fteAfter !== 'number') return undefined;
  // FTE is recorded to two decimals at most (0.5 posts, 1.25 FTE); round away float noise.
  return Math.round((benefit.fteBefore - benefit.fteAfter) * 100) / 100;
}

/**
 * The savings rows a form edits for a service: one per partner council in the service's
 * order, carrying over amounts already recorded, followed by any recorded council that is
 * no longer a partner (so editing never silently drops a figure).
 */
export function savingsRowsFor(service: Pick<Service, 'partnerCouncils'> | undefined, existing: readonly CouncilSaving[] = []): CouncilSaving[] {
  const rows: CouncilSaving[] = [];
  const used = new Set<string>();
  for (const council of service?.partnerCouncils ?? []) {
    const found = existing.find((s) => councilKey(s.council) === councilKey(council));
    rows.push(found ? { ...found, council } : { council, planned: 0, realised: 0 });
    used.add(councilKey(council));
  }
  for (const s of existing) if (!used.has(councilKey(s.council))) rows.push({ ...s });
  return rows;
}
