/**
 * Who may write a service's general update, apart from the form's conversion and validation
 * (generalUpdate.ts): the highlight report needs it to show its buttons, the form only when opened.
 */
import type { Person, Service } from '../../domain/types';

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
