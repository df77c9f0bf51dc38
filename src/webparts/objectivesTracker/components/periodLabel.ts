/**
 * A period's label for the tracker's list and the objective's history, in a file of its own so the
 * list does not load the history panel (ObjectiveDetails) before it is opened.
 */
import { periodById } from '../../../domain/calendar';

/** Label of a period id, falling back to the id when it is not one the calendar knows. */
export function periodLabel(periodId: string): string {
  try {
    return periodById(periodId).label;
  } catch {
    // Imported data may carry an odd period id; show it as written rather than fail the view.
    return periodId;
  }
}
