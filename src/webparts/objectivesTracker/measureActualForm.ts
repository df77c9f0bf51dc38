/**
 * Who may enter a measure's quarterly actual, and the actual form's values and their conversion
 * to a `MeasureActual` checked by the domain validator. No React here.
 */
import type { NewItem } from '../../data/repositories';
import type { Measure, MeasureActual, Person, Service } from '../../domain/types';
import { validateMeasureActual, ValidationError } from '../../domain/validation';
import { sanitiseRichText } from '../../components/sanitise';

/** What the signed-in user may do with actuals. */
export interface IActualsAccess {
  /** The signed-in user. */
  me: Person;
  /** Whether SharePoint lets them edit the measure actuals list (auditors may not). */
  canEditActuals: boolean;
  /** Whether they edit the measures themselves (editors): any measure's actuals. */
  isEditor: boolean;
}

/**
 * Whether the user may enter the measure's actuals: an editor any; the measure's responsible
 * officer, or the lead of its service, their own; nobody without edit rights on the list.
 */
export function mayEnterActual(measure: Pick<Measure, 'serviceId' | 'responsibleOfficer'>, services: readonly Service[], access: IActualsAccess | undefined): boolean {
  if (!access || !access.canEditActuals) return false;
  if (access.isEditor) return true;
  if (measure.responsibleOfficer?.id === access.me.id) return true;
  return services.find((s) => s.id === measure.serviceId)?.serviceLead?.id === access.me.id;
}

/** Values of the actual form; the value is kept as typed so nothing is lost on a failed save. */
export interface IActualValues {
  value: string;
  comment: string;
}

/** Form values of a stored actual, or of a new one. */
export function actualValues(actual: MeasureActual | undefined): IActualValues {
  return { value: actual ? String(actual.value) : '', comment: actual?.comment ?? '' };
}

/** The number typed (UK style, "1,250.5" or "85%" accepted), NaN when it is not one, undefined when blank. */
export function parseTypedNumber(text: string): number | undefined {
  const cleaned = text.replace(/[,£%\s]/g, '');
  if (cleaned === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** Converts and validates an actual for a measure and period. */
export function convertActual(values: IActualValues, context: { measureId: number; periodId: string; me: Person }): { model: NewItem<MeasureActual>; errors: ValidationError[] } {
  const model = {
    measureId: context.measureId,
    periodId: context.periodId,
    value: parseTypedNumber(values.value),
    comment: sanitiseRichText(values.comment),
    enteredBy: context.me
  };
  return { model: model as NewItem<MeasureActual>, errors: validateMeasureActual(model) };
}
