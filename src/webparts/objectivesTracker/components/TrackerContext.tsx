/**
 * Context of the objectives tracker: the shared state and its dispatch, plus who the user is,
 * whether they may edit, and today's reporting period, so panels and dialogs need no props
 * drilling.
 */
import * as React from 'react';
import type { CalendarConfig, ReportingPeriod } from '../../../domain/calendar';
import type { Person } from '../../../domain/types';
import type { DraftStorage } from '../logic/drafts';
import type { ITrackerState, TrackerAction } from '../logic/trackerState';

/** What the tracker's components share. */
export interface ITrackerContext {
  state: ITrackerState;
  dispatch: React.Dispatch<TrackerAction>;
  /** The signed-in user. */
  me: Person;
  /** Whether the user may edit objectives (EditListItems); false for auditors. */
  canEdit: boolean;
  /** Today (YYYY-MM-DD, the user's calendar date). */
  today: string;
  /** The period officers are updating now (the next deadline on or after today). */
  period: ReportingPeriod;
  /** Reporting calendar settings. */
  calendar?: Partial<CalendarConfig>;
  /** Where drafts are kept. */
  storage?: DraftStorage;
}

/** Thrown when a tracker component is rendered outside the tracker. */
export class MissingTrackerContextError extends Error {
  public constructor() {
    super('useTracker() was called outside the objectives tracker.');
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'MissingTrackerContextError';
  }
}

/** The context object. */
export const TrackerContext: React.Context<ITrackerContext | undefined> = React.createContext<ITrackerContext | undefined>(undefined);

/** The tracker's shared state and facts. */
export function useTracker(): ITrackerContext {
  const value = React.useContext(TrackerContext);
  if (!value) throw new MissingTrackerContextError();
  return value;
}
