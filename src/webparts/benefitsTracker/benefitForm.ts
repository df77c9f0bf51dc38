/**
 * The benefit form's values (amounts kept as typed, so "£17,000" or "17000.50" can be
 * corrected in place) and their conversion to a `Benefit` checked by the domain validator.
 */
import type { NewItem } from '../../data/repositories';
import { savingsRowsFor } from '../../domain/benefits';
import type { Benefit, CouncilSaving, Service } from '../../domain/types';
import { ValidationError, validateBenefit } from '../../domain/validation';
import type { BenefitCategory, BenefitDeliveryStatus } from '../../domain/vocabularies';
import { sanitiseRichText } from '../../components/sanitise';

/** One council's savings as typed. */
export interface ISavingValues {
  /** Council name. */
  council: string;
  /** Planned savings as typed. */
  planned: string;
  /** Realised savings as typed. */
  realised: string;
}

/** Values of the benefit form. */
export interface IBenefitValues {
  title: string;
  serviceId?: number;
  category?: BenefitCategory;
  deliveryStatus?: BenefitDeliveryStatus;
  whenDelivered: string;
  originalPosition: string;
  achievement: string;
  realised: string;
  savings: ISavingValues[];
  fteBefore: string;
  fteAfter: string;
  evidenceUrl: string;
}

/** Shows a stored amount in an input: plain digits, no currency sign (the label says £). */
const amountText = (value: number | undefined): string => (typeof value === 'number' && Number.isFinite(value) ? String(value) : '');

/**
 * Reads an amount as typed: pounds sign, commas and spaces are allowed ("£17,000");
 * empty is `empty`; anything else that is not a number is NaN, which validation reports.
 */
export function parseAmount(text: string, empty: number | undefined): number | undefined {
  const cleaned = text.replace(/[£,\s]/g, '');
  if (cleaned === '') return empty;
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : NaN;
}

/** Savings rows of the form for a service, keeping amounts already typed for its councils. */
export function savingsValuesFor(service: Service | undefined, current: readonly ISavingValues[]): ISavingValues[] {
  const asSavings: CouncilSaving[] = current.map((s) => ({ council: s.council, planned: 0, realised: 0 }));
  return savingsRowsFor(service, asSavings).map((row) => {
    const typed = current.find((s) => s.council.trim().toLowerCase() === row.council.trim().toLowerCase());
    return { council: row.council, planned: typed?.planned ?? '', realised: typed?.realised ?? '' };
  });
}

/** Form values of a stored benefit, or of a new one (optionally in a given service). */
export function benefitValues(benefit: Benefit | undefined, services: readonly Service[], serviceId?: number): IBenefitValues {
  const sid = benefit?.serviceId ?? serviceId;
  const service = services.find((s) => s.id === sid);
  const rows = savingsRowsFor(service, benefit?.savings ?? []);
  return {
    title: benefit?.title ?? '',
    serviceId: sid,
    category: benefit?.category,
    deliveryStatus: benefit?.deliveryStatus,
    whenDelivered: benefit?.whenDelivered ?? '',
    originalPosition: benefit?.originalPosition ?? '',
    achievement: benefit?.achievement ?? '',
    realised: benefit?.realised ?? '',
    savings: rows.map((s) => ({
      council: s.council,
      // A partner with nothing recorded shows empty inputs rather than a misleading 0.
      planned: benefit?.savings.some((b) => b.council === s.council) ? amountText(s.planned) : '',
      realised: benefit?.savings.some((b) => b.council === s.council) ? amountText(s.realised) : ''
    })),
    fteBefore: amountText(benefit?.fteBefore),
    fteAfter: amountText(benefit?.fteAfter),
    evidenceUrl: benefit?.evidenceUrl ?? ''
  };
}

/**
 * Converts form values to a benefit and validates it against its service's partners.
 * Councils left empty on both amounts are not stored (they have no savings to report);
 * rich text is sanitised here, before it is saved.
 */
export function convertBenefit(values: IBenefitValues, services: readonly Service[]): { model: NewItem<Benefit>; errors: ValidationError[] } {
  const service = services.find((s) => s.id === values.serviceId);
  const savings: CouncilSaving[] = values.savings
    .filter((s) => s.planned.trim() !== '' || s.realised.trim() !== '')
    .map((s) => ({ council: s.council, planned: parseAmount(s.planned, 0) as number, realised: parseAmount(s.realised, 0) as number }));
  const model = {
    title: values.title.trim(),
    serviceId: values.serviceId,
    category: values.category,
    deliveryStatus: values.deliveryStatus,
    whenDelivered: values.whenDelivered.trim(),
    originalPosition: sanitiseRichText(values.originalPosition),
    achievement: sanitiseRichText(values.achievement),
    realised: sanitiseRichText(values.realised),
    savings,
    fteBefore: parseAmount(values.fteBefore, undefined),
    fteAfter: parseAmount(values.fteAfter, undefined),
    evidenceUrl: values.evidenceUrl.trim() === '' ? undefined : values.evidenceUrl.trim()
  };
  // Validation error paths index the stored savings; map them back to the form's rows.
  const errors = validateBenefit(model, { service }).map((e) => {
    const m = /^savings\[(\d+)\]\.(\w+)$/.exec(e.field);
    if (!m) return e;
    const row = values.savings.findIndex((s) => s.council === savings[Number(m[1])].council);
    return { ...e, field: `savings[${row}].${m[2]}` };
  });
  return { model: model as NewItem<Benefit>, errors };
}
