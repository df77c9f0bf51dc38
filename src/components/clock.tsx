/**
 * The one clock the web parts read "today" and "now" from. In SharePoint it is the browser's;
 * the local workbench hands in a clock set to another day (`?today=YYYY-MM-DD`) so a tester
 * can see the product before, during and after an update deadline without touching the data.
 */
import * as React from 'react';
import { isoDateOf } from '../domain/calendar';

/** A source of the current moment. */
export interface IClock {
  /** The current moment. */
  now(): Date;
}

/** The browser's clock. */
export const systemClock: IClock = { now: () => new Date() };

/**
 * A clock on another calendar day (YYYY-MM-DD) that otherwise keeps running: the time of day
 * is the real one, so timestamps written while testing still order correctly.
 */
export function clockOnDay(day: string): IClock {
  const [year, month, date] = day.split('-').map(Number);
  return {
    now: () => {
      const real = new Date();
      return new Date(year, month - 1, date, real.getHours(), real.getMinutes(), real.getSeconds(), real.getMilliseconds());
    }
  };
}

const ClockContext = React.createContext<IClock>(systemClock);

/** Props of `ClockProvider`. */
export interface IClockProviderProps {
  /** The clock for the tree below; the browser's when omitted. */
  clock?: IClock;
  children?: React.ReactNode;
}

/** Hands a clock to the components below. */
export function ClockProvider(props: IClockProviderProps): JSX.Element {
  return <ClockContext.Provider value={props.clock ?? systemClock}>{props.children}</ClockContext.Provider>;
}

/** The clock of the tree. */
export function useClock(): IClock {
  return React.useContext(ClockContext);
}

/**
 * Today in the user's time zone as YYYY-MM-DD, from the tree's clock; `pinned` (a component's
 * `today` prop, which tests set) wins when given.
 */
export function useToday(pinned?: string): string {
  const clock = useClock();
  return pinned ?? isoDateOf(clock.now());
}
