/**
 * The list registry (src/data/lists): what the compiler cannot check about a declaration is
 * checked here, so a list declared and registered is provisioned, served, seeded and
 * documented like the others.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { INITIAL_KEYS, LIST_DECLARATIONS, LIST_KEYS, LIST_REGISTRY, SAMPLE_LISTS } from '../../src/data/lists';
import type { ListKey } from '../../src/data/lists';
import { SCHEMA } from '../../src/data/schema';
import { createPnpRepositories } from '../../src/data/pnpRepositories';
import { getSPForUrl } from '../../src/data/sp';
import { IMPORT_LISTS } from '../../src/domain/import/columns';
import { sampleData } from '../../local/sample-data';

const root = join(__dirname, '..', '..');

describe('list registry', () => {
  it('registers each declaration under its own key', () => {
    for (const [key, decl] of Object.entries(LIST_REGISTRY)) expect(decl.key).toBe(key);
    expect(LIST_KEYS).toEqual(Object.keys(SCHEMA));
  });

  it('orders lists so that every lookup targets a list declared before it', () => {
    LIST_DECLARATIONS.forEach((decl, index) => {
      for (const f of decl.fields) {
        if (f.type === 'Lookup') {
          expect(f.lookupList).toBeDefined();
          expect(LIST_KEYS.indexOf(f.lookupList as ListKey)).toBeGreaterThanOrEqual(0);
          expect(LIST_KEYS.indexOf(f.lookupList as ListKey)).toBeLessThan(index);
        } else {
          expect(f.lookupList).toBeUndefined();
        }
      }
    });
  });

  it('gives every list a unique title, URL and REST property names', () => {
    const titles = LIST_DECLARATIONS.map((d) => d.title.toLowerCase());
    const urls = LIST_DECLARATIONS.map((d) => d.url.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
    expect(new Set(urls).size).toBe(urls.length);
    for (const decl of LIST_DECLARATIONS) {
      // Lists under Lists/, document libraries at the web's root; both named SSM… so they never meet the site's own.
      expect(decl.url).toMatch(decl.template === 'library' ? /^SSM[A-Za-z]+$/ : /^Lists\/SSM[A-Za-z]+$/);
      const names = decl.fields.map((f) => f.internalName.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
      const keys = decl.fields.map((f) => f.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('labels every item in SharePoint views: each list stores a title of its own or computes one', () => {
    for (const decl of LIST_DECLARATIONS) {
      expect(decl.titleKey !== undefined || decl.computedTitle !== undefined).toBe(true);
    }
  });

  it('keeps full history on every list', () => {
    for (const decl of LIST_DECLARATIONS) expect(decl.majorVersionLimit).toBeGreaterThanOrEqual(100);
  });

  it('gives every list the auditor views, and a by-service view when it looks up services', () => {
    for (const def of Object.values(SCHEMA)) {
      const titles = def.views.map((v) => v.title);
      expect(titles.slice(0, 2)).toEqual(['All Items', 'Audit - all changes']);
      expect(titles.indexOf('By service') >= 0).toBe(def.fields.some((f) => f.lookupList === 'services'));
    }
  });

  it('serves every list through the repository its declaration names', () => {
    const repos = createPnpRepositories(getSPForUrl('http://localhost:1/sites/ssm')) as unknown as Record<string, Record<string, unknown>>;
    for (const decl of LIST_DECLARATIONS) {
      const repo = repos[decl.key];
      if (decl.repository === 'papers') {
        // A library of files: stored and read by snapshot, never edited item by item.
        expect(typeof repo?.storePaper).toBe('function');
        expect(typeof repo.papersBySnapshot).toBe('function');
        continue;
      }
      expect(typeof repo?.getAll).toBe('function');
      const byPeriod = ['period', 'objectiveUpdates', 'reminderLog', 'snapshots'].indexOf(decl.repository) >= 0;
      expect(typeof repo.getForPeriod).toBe(byPeriod ? 'function' : 'undefined');
    }
  });

  it('has loadInitial keys that name one list each', () => {
    const keys = Object.values(INITIAL_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('seeds every list declared with sample data, and only those', () => {
    const data = sampleData as unknown as Record<string, unknown[] | undefined>;
    for (const decl of LIST_DECLARATIONS) {
      if (decl.sample === 'required') expect(data[decl.key]?.length ?? 0).toBeGreaterThan(0);
      if (decl.sample === 'none') expect(data[decl.key]).toBeUndefined();
    }
    expect(Object.keys(sampleData).filter((k) => k !== 'users' && k !== 'directory').sort()).toEqual([...SAMPLE_LISTS].sort());
  });

  it('declares an import for exactly the import kinds', () => {
    const declared = LIST_DECLARATIONS.filter((d) => d.import !== undefined).map((d) => d.key);
    expect([...declared].sort()).toEqual([...IMPORT_LISTS].sort());
  });

  it('provisions every list through the committed site script', () => {
    const script = readFileSync(join(root, 'sharepoint', 'site-script', 'site-script.json'), 'utf8');
    for (const decl of LIST_DECLARATIONS) expect(script).toContain(`"listName": "${decl.title}"`);
  });

  it('documents how to add a list', () => {
    const guide = readFileSync(join(root, 'docs', 'adding-a-list.md'), 'utf8');
    expect(guide).toContain('src/data/lists/index.ts');
    expect(guide).toContain('declareList');
  });
});
