/**
 * Site users of the local host. All names and addresses are fictional (example.gov.uk
 * domains); no officer named in the source reports appears here.
 */
import type { Person } from '../../src/domain/types';
import type { Persona } from './types';

const CHORLEY = 'chorley.example.gov.uk';
const SOUTH_RIBBLE = 'southribble.example.gov.uk';

function user(id: number, displayName: string, domain: string): Person {
  const local = displayName.toLowerCase().replace(/[^a-z ]/g, '').replace(/ /g, '.');
  return { id, displayName, email: `${local}@${domain}` };
}

/** Site users; ids are 1-based and stable because objectives, risks and updates refer to them. */
export const users: Person[] = [
  // Workbench personas.
  user(1, 'Priya Hartley', CHORLEY), // Performance and Partnerships Officer: editor.
  user(2, 'Daniel Whitworth', SOUTH_RIBBLE), // Service Lead, Transformation and Partnerships.
  user(3, 'Margaret Ashcroft', SOUTH_RIBBLE), // Internal Auditor: read-only.
  // Responsible officers and service leads.
  user(4, 'Owen Pemberton', CHORLEY), // HR and Organisational Development Manager.
  user(5, 'Shona McAllister', SOUTH_RIBBLE), // Performance and Partnerships Manager.
  user(6, 'Ruth Calloway', CHORLEY), // Service Lead, Communications and Visitor Economy.
  user(7, 'Imran Sadiq', SOUTH_RIBBLE), // Communications Manager.
  user(8, 'Beth Rainford', CHORLEY), // Events, Museums and Culture Manager.
  user(9, 'Gareth Leyland', SOUTH_RIBBLE), // Service Lead, Governance.
  user(10, 'Alison Brindle', CHORLEY), // Legal Team Leader.
  user(11, 'Tom Eccleston', SOUTH_RIBBLE), // Service Lead, Audit and Risk.
  user(12, 'Nadia Fairclough', CHORLEY), // Service Lead, ICT.
  user(13, 'Craig Holden', SOUTH_RIBBLE), // ICT Infrastructure Manager.
  user(14, 'Helen Kershaw', SOUTH_RIBBLE), // Customer Services Manager and service lead; workbench persona: responsible officer.
  user(15, 'Vikram Desai', CHORLEY), // Head of Shared Financial Services.
  user(16, 'Joanne Tattersall', 'harborough.example.gov.uk'), // Revenues and Benefits Partnership Manager.
  user(17, 'Lewis Marsden', 'hinckley-bosworth.example.gov.uk'), // Benefits Team Leader.
  user(18, 'Fiona Oakes', 'melton.example.gov.uk') // Revenues Team Leader.
];

/**
 * People of the councils' directory who have not opened the site yet: the local host's
 * ensureuser adds them, and refuses addresses no directory knows, as SharePoint Online does.
 */
export const directory: Array<Pick<Person, 'displayName' | 'email'>> = [
  { displayName: 'Keira Whittle', email: `keira.whittle@${CHORLEY}` }, // New Revenues Officer, not yet on the site.
  { displayName: 'Samuel Ormerod', email: `samuel.ormerod@${SOUTH_RIBBLE}` }, // Planning Manager.
  { displayName: 'Anita Brooks', email: 'anita.brooks@melton.example.gov.uk' } // Benefits Officer.
];

/** A copy of the user with that id; throws so a mistyped id fails when the module loads. */
export function person(id: number): Person {
  const found = users.find((u) => u.id === id);
  if (!found) throw new Error(`Sample data: no user with id ${id}`);
  return { ...found };
}

/** The workbench personas: who the local host lets you sign in as. */
export const personas: Persona[] = [
  { userId: 1, role: 'editor', canEdit: true },
  { userId: 2, role: 'serviceLead', canEdit: true },
  { userId: 3, role: 'auditor', canEdit: false },
  // A responsible officer with this quarter's work still to do: one objective updated, one due,
  // and a measure of the service she leads without its actual.
  { userId: 14, role: 'officer', canEdit: true }
];
