/**
 * The risk form's values and their conversion to a `Risk` checked by the domain validator.
 */
import type { NewItem } from '../../data/repositories';
import type { Person, Risk } from '../../domain/types';
import { riskWarnings, ValidationError, ValidationWarning, validateRisk } from '../../domain/validation';
import { RISK_SCALE, RiskStatus } from '../../domain/vocabularies';
import { sanitiseRichText } from '../../components/sanitise';

/** Values of the risk form. */
export interface IRiskValues {
  title: string;
  /** Undefined for a programme-wide risk. */
  serviceId?: number;
  causeEffect: string;
  owner?: Person;
  inherentLikelihood?: number;
  inherentImpact?: number;
  residualLikelihood?: number;
  residualImpact?: number;
  controls: string;
  /** YYYY-MM-DD. */
  reviewDate?: string;
  status?: RiskStatus;
  /** Carried over unchanged: set by the quarterly review, not by this form. */
  previousResidualScore?: number;
}

/** Form values of a stored risk, or of a new open one. */
export function riskValues(risk: Risk | undefined): IRiskValues {
  return {
    title: risk?.title ?? '',
    serviceId: risk?.serviceId,
    causeEffect: risk?.causeEffect ?? '',
    owner: risk?.owner,
    inherentLikelihood: risk?.inherentLikelihood,
    inherentImpact: risk?.inherentImpact,
    residualLikelihood: risk?.residualLikelihood,
    residualImpact: risk?.residualImpact,
    controls: risk?.controls ?? '',
    reviewDate: risk?.reviewDate,
    status: risk?.status ?? 'Open',
    previousResidualScore: risk?.previousResidualScore
  };
}

/**
 * Form values of a risk under review: as stored, with the residual score before this review
 * as the previous score (when the stored scores make one), so the change is shown afterwards.
 */
export function reviewValues(risk: Risk | undefined): IRiskValues {
  const values = riskValues(risk);
  const l = risk?.residualLikelihood;
  const i = risk?.residualImpact;
  const onScale = (n: number | undefined): n is number => n !== undefined && Number.isInteger(n) && n >= RISK_SCALE.min && n <= RISK_SCALE.max;
  return onScale(l) && onScale(i) ? { ...values, previousResidualScore: l * i } : values;
}

/** What the form knows beyond its values, for the warnings to confirm before saving. */
export interface IRiskFormContext {
  /** Today (YYYY-MM-DD), for review dates that have passed. */
  today: string;
  /** The risk as stored, when editing: unchanged values are not asked about again. */
  stored?: Risk;
}

/**
 * Converts form values to a risk (rich text sanitised) and validates it; with the context, also
 * lists what the user should confirm (residual above inherent, a review date already passed).
 */
export function convertRisk(
  values: IRiskValues,
  context?: IRiskFormContext
): { model: NewItem<Risk>; errors: ValidationError[]; warnings: ValidationWarning[] } {
  const model = {
    title: values.title.trim(),
    serviceId: values.serviceId,
    causeEffect: sanitiseRichText(values.causeEffect),
    owner: values.owner,
    inherentLikelihood: values.inherentLikelihood,
    inherentImpact: values.inherentImpact,
    residualLikelihood: values.residualLikelihood,
    residualImpact: values.residualImpact,
    controls: sanitiseRichText(values.controls),
    reviewDate: values.reviewDate,
    status: values.status,
    previousResidualScore: values.previousResidualScore
  };
  const errors = validateRisk(model);
  const warnings = context && errors.length === 0 ? riskWarnings(model, { today: context.today, stored: context.stored }) : [];
  return { model: model as NewItem<Risk>, errors, warnings };
}

// The date picker's conversions live with the shared date field (pickedDates.ts); re-exported for the risk form.
export { fromIsoDate, toIsoDate } from '../../components/pickedDates';
