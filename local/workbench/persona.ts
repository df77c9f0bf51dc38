/**
 * The workbench's "signed in as" switch. The local host takes the current user from the
 * `ssm-user` cookie (an email or user id), so switching persona means setting the cookie and
 * reloading: every request of the page, PnPjs's included, then runs as that person.
 */
import type { Person } from '../../src/domain/types';
import type { Persona } from '../sample-data/types';

/** Name of the cookie the local host reads the current user from. */
export const PERSONA_COOKIE = 'ssm-user';

/** A persona with its site user; 'member' is a site user the cookie names who is not one of the personas. */
export interface IWorkbenchPersona extends Omit<Persona, 'role'> {
  /** Role shown in the switcher. */
  role: Persona['role'] | 'member';
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

/** Whether a cookie value names the user as the local host reads it: user id, email or claims login, any case. */
function names(value: string, user: Person): boolean {
  const email = value.includes('|') ? value.slice(value.lastIndexOf('|') + 1) : value;
  return String(user.id) === value || user.email.toLowerCase() === email;
}

/**
 * Who the page is signed in as: the persona the cookie names, else the other site user it
 * names (shown as a site member, as the host signs them in too), else the first persona (the
 * editor, the host's default user) when the cookie is unset or names nobody the site knows.
 */
export function currentPersona(
  personas: readonly IWorkbenchPersona[],
  cookieValue: string | undefined,
  users: readonly Person[] = []
): IWorkbenchPersona {
  if (personas.length === 0) throw new Error('Workbench: there are no personas.');
  const value = (cookieValue ?? '').trim().toLowerCase();
  if (!value) return personas[0];
  const persona = personas.find((p) => names(value, p.user));
  if (persona) return persona;
  const user = users.find((u) => names(value, u));
  // Any site user who is not a read-only persona may edit (as the host seeds them).
  return user ? { userId: user.id, role: 'member', canEdit: true, user } : personas[0];
}
