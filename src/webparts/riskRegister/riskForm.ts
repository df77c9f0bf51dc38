/**
 * The risk form's values and their conversion to a `Risk` checked by the domain validator.
 */
import type { NewItem } from '../../data/repositories';
import type { Person, Risk } from '../../domain/types';
import { ValidationError, validateRisk } from '../../domain/validation';
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

/** Converts form values to a risk (rich text sanitised) and validates it. */
export function convertRisk(values: IRiskValues): { model: NewItem<Risk>; errors: ValidationError[] } {
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
  return { model: model as NewItem<Risk>, errors: validateRisk(model) };
}

// The date picker's conversions live with the shared date field (pickedDates.ts); re-exported for the risk form.
export { fromIsoDate, toIsoDate } from '../../components/pickedDates';
