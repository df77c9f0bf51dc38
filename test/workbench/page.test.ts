/**
 * The workbench page's logic that runs before anything renders: which view the URL asks for,
 * which persona the cookie names, and how the page gets its form digest.
 */
import { DEFAULT_TEAMS_WEBPART, PAGE_ORDER, parseRoute, routeSearch } from '../../local/workbench/route';
import { currentPersona, PERSONA_COOKIE, personaCookie, readCookie, resolvePersonas } from '../../local/workbench/persona';
import { obtainDigest, parseContextInfo, siteUrl, WorkbenchConnectError } from '../../local/workbench/connect';
import { personas, sampleData } from '../../local/sample-data';

const KNOWN = ['benefitsTracker', 'highlightReport', 'objectivesTracker', 'riskRegister'];

describe('parseRoute', () => {
  it('shows the four web parts in page order on the SharePoint page by default', () => {
    const route = parseRoute('', KNOWN);
    expect(route.host).toBe('sharePoint');
    expect(route.webParts).toEqual(['objectivesTracker', 'benefitsTracker', 'riskRegister', 'highlightReport']);
    expect(route.single).toBe(false);
    expect(route.teamsTheme).toBeUndefined();
  });

  it('shows one named web part, matching the name case-insensitively', () => {
    const route = parseRoute('?webpart=riskregister', KNOWN);
    expect(route.webParts).toEqual(['riskRegister']);
    expect(route.single).toBe(true);
  });

  it('reports a web part name that does not exist and shows none', () => {
    const route = parseRoute('?webpart=budget', KNOWN);
    expect(route.unknownWebPart).toBe('budget');
    expect(route.webParts).toEqual([]);
  });

  it('shows the highlight report in a Teams tab when no web part is named', () => {
    const route = parseRoute('?host=teams&theme=dark', KNOWN);
    expect(route).toMatchObject({ host: 'teams', teamsTheme: 'dark', webParts: [DEFAULT_TEAMS_WEBPART], single: true });
  });

  it('normalises an unknown or missing Teams theme to default, as the web parts do', () => {
    expect(parseRoute('?host=teams&theme=purple', KNOWN).teamsTheme).toBe('default');
    expect(parseRoute('?host=teams', KNOWN).teamsTheme).toBe('default');
    expect(parseRoute('?host=teams&theme=contrast&webpart=benefitsTracker', KNOWN)).toMatchObject({
      teamsTheme: 'contrast',
      webParts: ['benefitsTracker']
    });
  });

  it('sets the web parts\' clock from ?today= when it is a real date, and says when it is not', () => {
    expect(parseRoute('?today=2027-03-11&webpart=objectivesTracker', KNOWN)).toMatchObject({ today: '2027-03-11', webParts: ['objectivesTracker'] });
    expect(parseRoute('?today=2027-02-30', KNOWN)).toMatchObject({ today: undefined, invalidToday: '2027-02-30' });
    expect(parseRoute('?today=11/03/2027', KNOWN).invalidToday).toBe('11/03/2027');
    expect(parseRoute('', KNOWN)).toMatchObject({ today: undefined, invalidToday: undefined });
    expect(parseRoute(routeSearch({ webPart: 'riskRegister', today: '2027-03-11' }), KNOWN).today).toBe('2027-03-11');
  });

  it('round-trips through routeSearch', () => {
    const search = routeSearch({ host: 'teams', teamsTheme: 'contrast', webPart: 'objectivesTracker' });
    expect(parseRoute(search, KNOWN)).toMatchObject({ host: 'teams', teamsTheme: 'contrast', webParts: ['objectivesTracker'] });
    expect(routeSearch({})).toBe('');
    expect(PAGE_ORDER).toHaveLength(4);
  });
});

describe('personas', () => {
  const people = resolvePersonas(personas, sampleData.users);

  it('joins the personas to their site users', () => {
    expect(people.map((p) => p.role)).toEqual(['editor', 'serviceLead', 'auditor', 'officer']);
    for (const p of people) expect(p.user.id).toBe(p.userId);
    expect(people.find((p) => p.role === 'auditor')?.canEdit).toBe(false);
  });

  it('fails loudly when a persona has no user', () => {
    expect(() => resolvePersonas([{ userId: 999, role: 'editor', canEdit: true }], sampleData.users)).toThrow(/999/);
  });

  it('reads the persona from the cookie by email (any case) or by user id', () => {
    const auditor = people[2];
    expect(currentPersona(people, auditor.user.email.toUpperCase()).role).toBe('auditor');
    expect(currentPersona(people, String(people[1].user.id)).role).toBe('serviceLead');
  });

  it('falls back to the editor, the host default, when the cookie is unset or names nobody the site knows', () => {
    expect(currentPersona(people, undefined, sampleData.users).role).toBe('editor');
    expect(currentPersona(people, 'nobody@example.gov.uk', sampleData.users).role).toBe('editor');
  });

  it('shows whoever the cookie signs in, persona or not, as the host reads it', () => {
    const officer = sampleData.users.find((u) => u.id === 14);
    expect(currentPersona(people, `i:0#.f|membership|${officer?.email ?? ''}`, sampleData.users).role).toBe('officer');
    const other = sampleData.users.find((u) => !personas.some((p) => p.userId === u.id));
    const signedIn = currentPersona(people, other?.email, sampleData.users);
    expect(signedIn.user.id).toBe(other?.id);
    expect(signedIn.role).toBe('member');
    expect(currentPersona(people, String(other?.id), sampleData.users).user.id).toBe(other?.id);
  });

  it('writes a site-wide cookie that readCookie reads back', () => {
    const user = people[1].user;
    const assignment = personaCookie(user);
    expect(assignment).toMatch(/; Path=\/;/);
    const pair = assignment.split(';')[0];
    expect(readCookie(`other=1; ${pair}; last=2`, PERSONA_COOKIE)).toBe(user.email);
    expect(readCookie('other=1', PERSONA_COOKIE)).toBeUndefined();
    expect(readCookie(`${PERSONA_COOKIE}=%E0%A4%A`, PERSONA_COOKIE)).toBeUndefined();
  });
});

describe('connecting to the site', () => {
  const webUrl = 'http://127.0.0.1:4321/sites/ssm';

  it('derives the site URL from the origin unless the page context hands one in', () => {
    expect(siteUrl('http://127.0.0.1:4321', undefined)).toBe(webUrl);
    expect(siteUrl('http://x', { webAbsoluteUrl: 'http://127.0.0.1:9/sites/other/' })).toBe('http://127.0.0.1:9/sites/other');
  });

  it('reads the digest from minimal and verbose contextinfo answers', () => {
    expect(parseContextInfo({ FormDigestValue: '0xAB,01 Jan 2025', FormDigestTimeoutSeconds: 1800 })).toEqual({
      value: '0xAB,01 Jan 2025',
      timeoutSeconds: 1800
    });
    expect(parseContextInfo({ d: { GetContextWebInformation: { FormDigestValue: '0xCD', FormDigestTimeoutSeconds: 900 } } })).toEqual({
      value: '0xCD',
      timeoutSeconds: 900
    });
    expect(() => parseContextInfo({})).toThrow(WorkbenchConnectError);
  });

  it('uses a handed-in digest without any request', async () => {
    const fetchImpl = jest.fn();
    const digest = await obtainDigest(webUrl, { formDigestValue: '0xEF', formDigestTimeoutSeconds: 600 }, fetchImpl as unknown as typeof fetch);
    expect(digest).toEqual({ value: '0xEF', timeoutSeconds: 600 });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('otherwise asks _api/contextinfo once, with the cookie', async () => {
    const fetchImpl = jest.fn(async () => new Response(JSON.stringify({ FormDigestValue: '0x12', FormDigestTimeoutSeconds: 1800 }), { status: 200 }));
    const digest = await obtainDigest(webUrl, undefined, fetchImpl as unknown as typeof fetch);
    expect(digest.value).toBe('0x12');
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(fetchImpl).toHaveBeenCalledWith(`${webUrl}/_api/contextinfo`, expect.objectContaining({ method: 'POST', credentials: 'same-origin' }));
  });

  it('raises WorkbenchConnectError when the host refuses or cannot be reached', async () => {
    const refused = jest.fn(async () => new Response('{}', { status: 401, statusText: 'Unauthorized' }));
    await expect(obtainDigest(webUrl, undefined, refused as unknown as typeof fetch)).rejects.toThrow(/401/);
    const down = jest.fn(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(obtainDigest(webUrl, undefined, down as unknown as typeof fetch)).rejects.toBeInstanceOf(WorkbenchConnectError);
  });
});
