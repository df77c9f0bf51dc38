/**
 * "Set up lists" on a site provisioned with an older vocabulary: a Choice column lacking choices
 * the schema now names gets them added after its own, choices the schema no longer names are
 * kept (items may use them), the report says what changed, and a run after that writes nothing.
 * Against the local host by default, or a real site (docs/testing-on-a-tenant.md).
 */
import * as strings from 'SsmStrings';
import { ensureLists } from '../../src/data/provisioning';
import { provisioningSummary } from '../../src/webparts/shared/shell';
import { SCHEMA, fieldDef } from '../../src/data/schema';
import { BENEFIT_CATEGORIES, RISK_STATUSES } from '../../src/domain/vocabularies';
import { ContractTarget, openTarget } from './support/target';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/items';

let target: ContractTarget;

beforeAll(async () => {
  target = await openTarget({ seed: false });
});

afterAll(async () => {
  await target?.close();
});

const choicesOf = async (list: string, field: string): Promise<string[]> => {
  const f = (await target.sp().web.lists.getByTitle(list).fields.getByInternalNameOrTitle(field).select('Choices')()) as { Choices?: string[] | { results: string[] } };
  return Array.isArray(f.Choices) ? f.Choices : f.Choices?.results ?? [];
};

it('adds the missing choices, keeps the old ones, reports them, then writes nothing', async () => {
  const sp = target.sp();
  await ensureLists(sp);
  const status = fieldDef('risks', 'status').internalName;
  const category = fieldDef('benefits', 'category').internalName;
  // An older vocabulary: one status the schema has dropped ("Escalated"), one it has added ("Closed").
  await sp.web.lists.getByTitle(SCHEMA.risks.title).fields.getByInternalNameOrTitle(status).update({ Choices: ['Open', 'Escalated'] }, 'SP.FieldChoice');
  await sp.web.lists.getByTitle(SCHEMA.benefits.title).fields.getByInternalNameOrTitle(category).update({ Choices: [BENEFIT_CATEGORIES[0]] }, 'SP.FieldChoice');

  const report = await ensureLists(sp);
  expect(await choicesOf(SCHEMA.risks.title, status)).toEqual(['Open', 'Escalated', ...RISK_STATUSES.filter((s) => s !== 'Open')]);
  expect(await choicesOf(SCHEMA.benefits.title, category)).toEqual([...BENEFIT_CATEGORIES]);
  // The column's schema says the same, as SharePoint keeps it.
  const xml = ((await sp.web.lists.getByTitle(SCHEMA.risks.title).fields.getByInternalNameOrTitle(status).select('SchemaXml')()) as { SchemaXml: string }).SchemaXml;
  expect(xml).toContain('<CHOICE>Escalated</CHOICE><CHOICE>Closed</CHOICE>');
  expect(report.choicesAdded).toEqual([
    { list: SCHEMA.benefits.title, field: category, fieldTitle: fieldDef('benefits', 'category').displayName, added: BENEFIT_CATEGORIES.slice(1), kept: [] },
    { list: SCHEMA.risks.title, field: status, fieldTitle: fieldDef('risks', 'status').displayName, added: ['Closed'], kept: ['Escalated'] }
  ]);
  expect(report.updated).toEqual(expect.arrayContaining([`${SCHEMA.risks.title} / field ${status}`, `${SCHEMA.benefits.title} / field ${category}`]));
  expect(report.unchanged).not.toContain(`${SCHEMA.risks.title} / field ${status}`);
  expect(report.created).toEqual([]);
  // The site owner is told what changed.
  expect(provisioningSummary(report)).toBe(
    `The lists are ready. Choices added: Category in ${SCHEMA.benefits.title}: ${BENEFIT_CATEGORIES.slice(1).join(', ')}; ` +
      `Status in ${SCHEMA.risks.title}: Closed (kept, as items may use them: Escalated).`
  );

  target.host?.resetRequestLog();
  const again = await ensureLists(sp);
  expect(again.updated).toEqual([]);
  expect(again.choicesAdded).toBeUndefined();
  expect(provisioningSummary(again)).toBe(strings.SetUpListsDone);
  if (target.host) expect(target.host.requestLog().filter((r) => r.method !== 'GET')).toEqual([]);
});
