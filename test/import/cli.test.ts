/**
 * The command-line import and the scripts' choice of host: SSM_PORT decides the local host's
 * origin for every script, options map and ignore columns and create services, and mistakes
 * are reported as sentences (the entry point prints them without a stack trace).
 */
import { localOrigin, originOf } from '../../local/scripts/localOrigin';
import { describePlan, parseImportArgs } from '../../local/scripts/import';
import { parseReportArgs } from '../../local/scripts/report';
import { planImport, readImportFile } from '../../src/import';
import { phaseOneServices, sanitiser, toCsvFile } from './support/files';
import { memoryRepositories } from './support/memory';

describe('the local host the scripts talk to', () => {
  it('is at SSM_PORT, 4321 when unset, and --url wins', () => {
    expect(localOrigin({ SSM_PORT: '4399' })).toBe('http://127.0.0.1:4399');
    expect(localOrigin({})).toBe('http://127.0.0.1:4321');
    expect(originOf('https://contoso.sharepoint.com/', { SSM_PORT: '4399' })).toBe('https://contoso.sharepoint.com');
    expect(originOf(undefined, { SSM_PORT: '4399' })).toBe('http://127.0.0.1:4399');
    expect(() => localOrigin({ SSM_PORT: 'abc' })).toThrow('SSM_PORT must be a port number (1 to 65535), not "abc".');
  });

  it('report leaves the origin to SSM_PORT unless --url is given', () => {
    expect(parseReportArgs(['--period', '2021-22-Q4']).url).toBeUndefined();
  });
});

describe('npm run import options', () => {
  it('reads --ignore, --map and --create-service, and names what is wrong', () => {
    const args = parseImportArgs(['--file', 'p.docx', '--list', 'objectives', '--ignore', 'Budget code', '--map', 'Lead officer=officerEmail', '--create-service', 'Customer Services|Phase 2|Chorley Council;South Ribble Borough Council']);
    expect(args.columns).toEqual({ 'budget code': 'ignore', 'lead officer': 'officerEmail' });
    expect(args.newServices).toEqual([{ name: 'Customer Services', phase: 'Phase 2', partnerCouncils: ['Chorley Council', 'South Ribble Borough Council'] }]);
    expect(() => parseImportArgs(['--file', 'p.docx', '--list', 'objectives', '--map', 'Lead=nothing'])).toThrow('"nothing" is not a column of objectives');
    expect(() => parseImportArgs(['--file', 'p.docx', '--list', 'objectives', '--period', '2021-Q9'])).toThrow(/^--period: /);
    expect(() => parseImportArgs(['--list', 'objectives'])).toThrow('--file is required.');
  });

  it('prints every row of the dry run with its service, title, status, RAG, period, officer and action, and the unmapped columns', async () => {
    const repos = memoryRepositories(phaseOneServices());
    const file = await toCsvFile('o.csv', [
      ['Description of the objective', 'Service', 'Status', 'RAG', 'Responsible officer', 'Update Sept 22', 'Notes'],
      ['Adopt one constitution', 'Governance', 'Ongoing', 'Green', 'a@example.gov.uk', 'Drafted.', 'Ask legal']
    ]);
    const text = describePlan(await planImport(repos, 'objectives', await readImportFile(file, 'objectives'), { sanitiser, now: '2022-10-01T00:00:00Z' }));
    expect(text).toContain('+ 2 | Governance | Adopt one constitution | Ongoing | Green | Q2 2022/23 | a@example.gov.uk | create');
    expect(text).toContain('unmapped column "Notes": 1 row holds data (first row 2). Add --ignore "Notes"');
    expect(text).not.toMatch(/2022-23-Q2/);
  });

  it('takes the annual review registers as lists, and prints a success\'s dry run with its category', async () => {
    expect(parseImportArgs(['--file', 's.xlsx', '--list', 'successes']).list).toBe('successes');
    expect(parseImportArgs(['--file', 'b.csv', '--list', 'bestPractice', '--map', 'Shared by=fromCouncil']).columns).toEqual({ 'shared by': 'fromCouncil' });
    expect(() => parseImportArgs(['--file', 'l.csv', '--list', 'lessons'])).toThrow(/--list must be one of .*lessonsLearned.*successes/);
    const repos = memoryRepositories(phaseOneServices());
    const file = await toCsvFile('s.csv', [
      ['Success', 'Service', 'Category', 'What was achieved', 'Achieved on'],
      ['Campaigns planner introduced', 'Communications and Visitor Economy', 'Service improvement', 'Planned on an 80/20 basis.', '15/11/2021']
    ]);
    const text = describePlan(await planImport(repos, 'successes', await readImportFile(file, 'successes'), { sanitiser, now: '2022-03-01T00:00:00Z' }));
    expect(text).toContain('+ 2 | Communications and Visitor Economy | Campaigns planner introduced | Service improvement');
    expect(text).toContain('create');
  });
});
