/**
 * The workbench's "signed in as" switch. The local host takes the current user from the
 * `ssm-user` cookie (an email or user id), so switching persona means setting the cookie and
 * reloading: every request of the page, PnPjs's included, then runs as that person.
 */
import type { Person } from '../../src/domain/types';
import type { Persona } from '../sample-data/types';

/** Name of the cookie the local host reads the current user from. */
export const PERSONA_COOKIE = 'ssm-user';

/** A persona with its site user. */
export interface IWorkbenchPersona extends Persona {
  /** The persona's site user. */
  user: Person;
}

/** Joins the personas to their users; throws when the sample data lost one of them. */
export function resolvePersonas(personas: readonly Persona[], users: readonly Person[]): IWorkbenchPersona[] {
  return personas.map((p) => {
    const user = users.find((u) => u.id === p.userId);
    if (!user) throw new Error(`Workbench: persona user ${p.userId} is not among the sample users.`);
    return { ...p, user };
  });
}

/** The value of a cookie in a `document.cookie` string, decoded; undefined when absent. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch (error) {
        // A malformed escape cannot name a persona; treat the cookie as unset.
        if (error instanceof URIError) return undefined;
        throw error;
      }
    }
  }
  return undefined;
}

/** The `document.cookie` assignment that signs the page in as `user` (site-wide, a year). */
export function personaCookie(user: Person): string {
  return `${PERSONA_COOKIE}=${encodeURIComponent(user.email)}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

/**
 * The persona the cookie names (by email, case-insensitively, or by user id), or the first
 * persona (the editor), who is also the host's default user, when it names none of them.
 */
export function currentPersona(personas: readonly IWorkbenchPersona[], cookieValue: string | undefined): IWorkbenchPersona {
  if (personas.length === 0) throw new Error('Workbench: there are no personas.');
  const value = (cookieValue ?? '').trim().toLowerCase();
  const found = value ? personas.find((p) => p.user.email.toLowerCase() === value || String(p.user.id) === value) : undefined;
  return found ?? personas[0];
}
