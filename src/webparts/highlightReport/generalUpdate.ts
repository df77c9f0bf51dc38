/**
 * Writing the general update (key points of action and overview of activity) a service gives
 * each committee meeting: who may write it, the form's values and their conversion to a
 * `Highlight` checked by the domain validator. No React here, so the rules are tested alone.
 */
import type { NewItem } from '../../data/repositories';
import { CalendarConfig, isIsoDate, periodFor } from '../../domain/calendar';
import type { Highlight, Person, Service } from '../../domain/types';
import { validateHighlight, ValidationError } from '../../domain/validation';
import { sanitiseRichText } from '../../components/sanitise';

/** What the signed-in user may do with general updates. */
export interface IGeneralUpdateAccess {
  /** The signed-in user. */
  me: Person;
  /** Whether SharePoint lets them edit items of the highlights list at all (auditors may not). */
  canEditHighlights: boolean;
  /** Whether they edit for the whole programme (they may edit the services list): any service's update. */
  isEditor: boolean;
}

/** Whether the person leads the service. */
export function leads(service: Pick<Service, 'serviceLead'>, person: Pick<Person, 'id'>): boolean {
  return service.serviceLead !== undefined && service.serviceLead.id === person.id;
}

/**
 * The services whose general update the user may write, by name: an editor any service, a
 * service lead their own, anyone else (an auditor, say) none.
 */
export function writableServices(services: readonly Service[], access: IGeneralUpdateAccess | undefined): Service[] {
  if (!access || !access.canEditHighlights) return [];
  return services
    .filter((s) => access.isEditor || leads(s, access.me))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** The service a Teams tab opens on: the one the signed-in user leads (the first by name if several). */
export function ownService(services: readonly Service[], me: Pick<Person, 'id'> | undefined): Service | undefined {
  if (!me) return undefined;
  return services.filter((s) => leads(s, me)).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))[0];
}

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
