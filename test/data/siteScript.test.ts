import { createHash } from 'crypto';
import * as fs from 'fs';
import { JSDOM } from 'jsdom';
import * as path from 'path';
import { BUILT_IN, FieldDef, LISTS, ListDef, SCHEMA } from '../../src/data/schema';
import {
  SITE_SCRIPT_LIMITS,
  SITE_SCRIPT_SCHEMA_URL,
  SiteScript,
  SiteScriptError,
  SiteScriptSubaction,
  TITLE_FIELD_ID,
  buildSiteScript,
  countActions,
  escapeXml,
  serialiseSiteScript,
  uuidV5
} from '../../src/data/siteScript';

const ROOT = path.join(__dirname, '..', '..');
const { DOMParser } = new JSDOM('').window;

/** Parses XML strictly; fails the test on malformed XML. */
function parseXml(xml: string): Element {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc.documentElement;
}

type Verb = SiteScriptSubaction['verb'];
const ofVerb = <V extends Verb>(subs: SiteScriptSubaction[], verb: V): Array<Extract<SiteScriptSubaction, { verb: V }>> =>
  subs.filter((s): s is Extract<SiteScriptSubaction, { verb: V }> => s.verb === verb);

/** Every field subaction of a list, keyed by internal name, with its parsed XML when it has one. */
function fieldsOf(subs: SiteScriptSubaction[]): Map<string, { action: SiteScriptSubaction; xml?: Element }> {
  const map = new Map<string, { action: SiteScriptSubaction; xml?: Element }>();
  for (const s of subs) {
    if (s.verb === 'addSPField') {
      expect(map.has(s.internalName)).toBe(false);
      map.set(s.internalName, { action: s });
    } else if (s.verb === 'addSPFieldXml' || s.verb === 'addSPLookupFieldXml') {
      const xml = parseXml(s.schemaXml);
      const name = xml.getAttribute('Name') ?? '';
      if (name === BUILT_IN.title) continue;
      expect(map.has(name)).toBe(false);
      map.set(name, { action: s, xml });
    }
  }
  return map;
}

const script = buildSiteScript(SCHEMA);
const listAction = (list: ListDef): SiteScript['actions'][number] => {
  const found = script.actions.find((a) => a.listName === list.title);
  if (!found) throw new Error(`No createSPList for ${list.title}`);
  return found;
};

describe('site script structure', () => {
  it('has the site script envelope', () => {
    expect(script.$schema).toBe(SITE_SCRIPT_SCHEMA_URL);
    expect(script.bindata).toEqual({});
    expect(script.version).toBe(1);
  });

  it('creates every list of the schema, in order, as a generic list (a library as a document library) with its description', () => {
    expect(script.actions.map((a) => a.listName)).toEqual(LISTS.map((l) => l.title));
    for (const list of LISTS) {
      const action = listAction(list);
      expect(action.verb).toBe('createSPList');
      expect(action.templateType).toBe(list.template === 'library' ? 101 : 100);
      expect(ofVerb(action.subactions, 'setDescription')).toEqual([{ verb: 'setDescription', description: list.description }]);
    }
  });

  it('renames the built-in Title field with its own ID where the schema gives it another name', () => {
    for (const list of LISTS) {
      const titles = ofVerb(listAction(list).subactions, 'addSPFieldXml')
        .map((s) => parseXml(s.schemaXml))
        .filter((x) => x.getAttribute('Name') === BUILT_IN.title);
      if (list.titleDisplayName === BUILT_IN.title) {
        expect(titles).toHaveLength(0);
      } else {
        expect(titles).toHaveLength(1);
        expect(titles[0].getAttribute('ID')).toBe(`{${TITLE_FIELD_ID}}`);
        expect(titles[0].getAttribute('DisplayName')).toBe(list.titleDisplayName);
      }
    }
  });

  it('adds exactly the schema’s fields to each list', () => {
    for (const list of LISTS) {
      const fields = fieldsOf(listAction(list).subactions);
      expect(Array.from(fields.keys()).sort()).toEqual(list.fields.map((f) => f.internalName).sort());
    }
  });
});

describe('fields', () => {
  const each = (fn: (list: ListDef, f: FieldDef, entry: { action: SiteScriptSubaction; xml?: Element }) => void): void => {
    for (const list of LISTS) {
      const fields = fieldsOf(listAction(list).subactions);
      for (const f of list.fields) {
        const entry = fields.get(f.internalName);
        if (!entry) throw new Error(`${list.key}.${f.internalName} missing`);
        fn(list, f, entry);
      }
    }
  };

  it('gives every field its display name and required flag', () => {
    each((_list, f, { action, xml }) => {
      if (action.verb === 'addSPField') {
        expect(action.displayName).toBe(f.displayName);
        expect(action.isRequired).toBe(f.required === true);
      } else {
        expect(xml?.getAttribute('DisplayName')).toBe(f.displayName);
        expect(xml?.getAttribute('StaticName')).toBe(f.internalName);
        expect(xml?.getAttribute('Required')).toBe(f.required ? 'TRUE' : 'FALSE');
      }
    });
  });

  it('uses addSPField only for the types it supports, and only when nothing else must be set', () => {
    each((_list, f, { action }) => {
      if (action.verb !== 'addSPField') return;
      expect(['Text', 'Note', 'Number', 'Boolean', 'User', 'DateTime']).toContain(action.fieldType);
      expect(f.indexed || f.maxLength !== undefined || f.min !== undefined || f.max !== undefined).toBeFalsy();
    });
  });

  it('indexes exactly the indexed fields', () => {
    let indexed = 0;
    each((_list, f, { xml }) => {
      if (f.indexed) {
        indexed++;
        expect(xml?.getAttribute('Indexed')).toBe('TRUE');
      } else if (xml) {
        expect(xml.hasAttribute('Indexed')).toBe(false);
      }
    });
    expect(indexed).toBeGreaterThan(0);
  });

  it('lists the vocabulary of every choice field', () => {
    each((_list, f, { xml }) => {
      if (f.type !== 'Choice') return;
      expect(xml?.getAttribute('Type')).toBe('Choice');
      const choices = Array.from(xml?.getElementsByTagName('CHOICE') ?? []).map((c) => c.textContent);
      expect(choices).toEqual([...(f.choices ?? [])]);
    });
  });

  it('maps product field kinds to SharePoint field XML', () => {
    each((_list, f, { xml }) => {
      const attr = (name: string): string | null | undefined => xml?.getAttribute(name);
      switch (f.type) {
        case 'DateOnly':
          expect([attr('Type'), attr('Format')]).toEqual(['DateTime', 'DateOnly']);
          break;
        case 'RichText':
          expect([attr('Type'), attr('RichText'), attr('RichTextMode')]).toEqual(['Note', 'TRUE', 'FullHtml']);
          break;
        case 'Json':
          expect([attr('Type'), attr('RichText')]).toEqual(['Note', 'FALSE']);
          break;
        case 'Integer':
          expect([attr('Type'), attr('Decimals')]).toEqual(['Number', '0']);
          expect(attr('Min')).toBe(f.min === undefined ? null : String(f.min));
          expect(attr('Max')).toBe(f.max === undefined ? null : String(f.max));
          break;
        case 'URL':
          expect([attr('Type'), attr('Format')]).toEqual(['URL', 'Hyperlink']);
          break;
        case 'Text':
          if (xml) expect(attr('MaxLength')).toBe(String(f.maxLength ?? 255));
          break;
        default:
          break;
      }
    });
  });

  it('points every lookup at a list created earlier in the script', () => {
    let lookups = 0;
    script.actions.forEach((action, index) => {
      for (const s of ofVerb(action.subactions, 'addSPLookupFieldXml')) {
        lookups++;
        const earlier = script.actions.slice(0, index).map((a) => a.listName);
        expect(earlier).toContain(s.targetListName);
        const xml = parseXml(s.schemaXml);
        expect(xml.getAttribute('Type')).toBe('Lookup');
        expect(xml.getAttribute('ShowField')).toBe(BUILT_IN.title);
      }
    });
    expect(lookups).toBe(LISTS.reduce((n, l) => n + l.fields.filter((f) => f.type === 'Lookup').length, 0));
    each((_list, f, { action }) => {
      if (f.type === 'Lookup' && f.lookupList && action.verb === 'addSPLookupFieldXml') {
        expect(action.targetListName).toBe(SCHEMA[f.lookupList].title);
      }
    });
  });

  it('refuses a lookup to a list that is not created before it', () => {
    expect(() => buildSiteScript({ objectives: SCHEMA.objectives, services: SCHEMA.services })).toThrow(SiteScriptError);
  });
});

describe('XML', () => {
  it('is well-formed for every field', () => {
    for (const action of script.actions) {
      for (const s of action.subactions) {
        if (s.verb === 'addSPFieldXml' || s.verb === 'addSPLookupFieldXml') expect(parseXml(s.schemaXml).nodeName).toBe('Field');
      }
    }
  });

  it('escapes markup characters in names, descriptions and choices', () => {
    const awkward = `Tom & Jerry's <"quoted"> field`;
    const list: ListDef = {
      ...SCHEMA.services,
      fields: [
        { key: 'a', internalName: 'A', displayName: awkward, description: awkward, type: 'Text', maxLength: 10 },
        { key: 'b', internalName: 'B', displayName: 'B', type: 'Choice', choices: ['R&D', '<none>', 'a "b"'] }
      ],
      views: []
    };
    const [action] = buildSiteScript({ services: list }).actions;
    const [a, b] = ofVerb(action.subactions, 'addSPFieldXml')
      .map((s) => parseXml(s.schemaXml))
      .filter((x) => x.getAttribute('Name') !== BUILT_IN.title);
    expect(a.getAttribute('DisplayName')).toBe(awkward);
    expect(a.getAttribute('Description')).toBe(awkward);
    expect(Array.from(b.getElementsByTagName('CHOICE')).map((c) => c.textContent)).toEqual(['R&D', '<none>', 'a "b"']);
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });
});

describe('views', () => {
  const builtIns = new Set<string>(Object.values(BUILT_IN));

  it('adds every view of the schema, one of them the default, paged', () => {
    for (const list of LISTS) {
      const views = ofVerb(listAction(list).subactions, 'addSPView');
      expect(views.map((v) => v.name)).toEqual(list.views.map((v) => v.title));
      expect(views.filter((v) => v.makeDefault)).toHaveLength(1);
      for (const v of views) {
        const def = list.views.find((d) => d.title === v.name);
        expect(v).toMatchObject({ viewFields: def?.fields, query: def?.query, rowLimit: def?.rowLimit, isPaged: true });
      }
    }
  });

  it('references only fields that exist in the list, in columns and queries', () => {
    for (const list of LISTS) {
      const known = new Set([...builtIns, ...list.fields.map((f) => f.internalName)]);
      for (const v of ofVerb(listAction(list).subactions, 'addSPView')) {
        for (const name of v.viewFields) expect(known).toContain(name);
        if (v.query) {
          const refs = Array.from(parseXml(`<Query>${v.query}</Query>`).getElementsByTagName('FieldRef'));
          for (const ref of refs) expect(known).toContain(ref.getAttribute('Name'));
        }
      }
    }
  });

  it('does not put product-only JSON columns in views', () => {
    for (const list of LISTS) {
      const json = new Set(list.fields.filter((f) => f.type === 'Json').map((f) => f.internalName));
      for (const v of ofVerb(listAction(list).subactions, 'addSPView')) expect(v.viewFields.filter((n) => json.has(n))).toEqual([]);
    }
  });
});

describe('field ids', () => {
  const ids = (s: SiteScript): string[] =>
    s.actions.flatMap((a) =>
      a.subactions.flatMap((sub) => {
        if (sub.verb === 'addSPField') return [sub.id];
        if (sub.verb === 'addSPFieldXml' || sub.verb === 'addSPLookupFieldXml') {
          const id = parseXml(sub.schemaXml).getAttribute('ID') ?? '';
          return id === `{${TITLE_FIELD_ID}}` ? [] : [id.replace(/[{}]/g, '')];
        }
        return [];
      })
    );

  it('are the same on every run', () => {
    expect(ids(buildSiteScript(SCHEMA))).toEqual(ids(script));
    expect(serialiseSiteScript(buildSiteScript(SCHEMA))).toBe(serialiseSiteScript(script));
  });

  it('are unique, well-formed version 5 GUIDs', () => {
    const all = ids(script);
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('follow RFC 4122 version 5 (published example and Node’s SHA-1)', () => {
    // The DNS namespace example published with the uuid package and Python's uuid module.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    const namespace = '5f3c8e52-9a4b-4d1e-8f27-3b6a1c0d9e74';
    for (const name of ['', 'objectives/Service', 'a'.repeat(55), 'b'.repeat(56), 'ünïcødé £ – 64 bytes or more to cross a block boundary……']) {
      const hash = createHash('sha1')
        .update(Buffer.concat([Buffer.from(namespace.replace(/-/g, ''), 'hex'), Buffer.from(name, 'utf8')]))
        .digest();
      hash[6] = (hash[6] & 0x0f) | 0x50;
      hash[8] = (hash[8] & 0x3f) | 0x80;
      const hex = hash.subarray(0, 16).toString('hex');
      const expected = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
      expect(uuidV5(name, namespace)).toBe(expected);
    }
  });
});

describe('generated file', () => {
  const file = path.join(ROOT, 'sharepoint', 'site-script', 'site-script.json');

  it('is committed and equal to a fresh generation (regenerate with local/scripts/generate-site-script.ts)', () => {
    expect(fs.readFileSync(file, 'utf8')).toBe(serialiseSiteScript(buildSiteScript(SCHEMA)));
  });

  it('stays within SharePoint’s limits of 300 actions and 100,000 characters', () => {
    expect(countActions(script)).toBeLessThanOrEqual(SITE_SCRIPT_LIMITS.maxActions);
    expect(serialiseSiteScript(script).length).toBeLessThan(SITE_SCRIPT_LIMITS.maxCharacters);
  });

  it('has a README saying who turns versioning on', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'sharepoint', 'site-script', 'README.md'), 'utf8');
    expect(readme).toMatch(/versioning/i);
    expect(readme).toContain('ensureLists()');
  });
});
