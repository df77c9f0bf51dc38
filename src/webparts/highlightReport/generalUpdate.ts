/**
 * Writing the general update (key points of action and overview of activity) a service gives
 * each committee meeting: who may write it, the form's values and their conversion to a
 * `Highlight` checked by the domain validator. No React here, so the rules are tested alone.
 */
import type { NewItem } from '../../data/repositories';
import { CalendarConfig, isIsoDate, periodFor } from '../../domain/calendar';
import type { Highlight } from '../../domain/types';
import { validateHighlight, ValidationError } from '../../domain/validation';
import { sanitiseRichText } from '../../components/sanitise';

export { leads, ownService, writableServices } from './generalUpdateAccess';
export type { IGeneralUpdateAccess } from './generalUpdateAccess';

/** Values of the general update form. */
export interface IGeneralUpdateValues {
  serviceId?: number;
  /** Committee meeting date, YYYY-MM-DD. */
  meetingDate?: string;
  keyPoints: string;
  activityOverview: string;
}

/** Form values of a stored general update, or of a new one for a service. */
export function generalUpdateValues(highlight: Highlight | undefined, serviceId?: number): IGeneralUpdateValues {
  return {
    serviceId: highlight?.serviceId ?? serviceId,
    meetingDate: highlight?.meetingDate,
    keyPoints: highlight?.keyPoints ?? '',
    activityOverview: highlight?.activityOverview ?? ''
  };
}

/** The reporting period a meeting falls in (the report that meeting reads), or undefined without a valid date. */
export function meetingPeriodId(meetingDate: string | undefined, calendar?: Partial<CalendarConfig>): string | undefined {
  return isIsoDate(meetingDate) ? periodFor(meetingDate, calendar).id : undefined;
}

/**
 * Converts form values to a general update (rich text sanitised, period from the meeting date)
 * and validates it, refusing a second update for the same service and meeting.
 */
export function convertGeneralUpdate(
  values: IGeneralUpdateValues,
  context: { id?: number; others: ReadonlyArray<Pick<Highlight, 'id' | 'serviceId' | 'meetingDate'>>; calendar?: Partial<CalendarConfig> }
): { model: NewItem<Highlight>; errors: ValidationError[] } {
  const model = {
    serviceId: values.serviceId,
    meetingDate: values.meetingDate,
    periodId: meetingPeriodId(values.meetingDate, context.calendar),
    keyPoints: sanitiseRichText(values.keyPoints),
    activityOverview: sanitiseRichText(values.activityOverview)
  };
  const errors = validateHighlight(model, { others: context.others, id: context.id });
  // The period follows from the meeting date: a missing or impossible date is reported once, under the date.
  const shown = model.periodId === undefined ? errors.filter((e) => e.field !== 'periodId') : errors;
  return { model: model as NewItem<Highlight>, errors: shown };
}
