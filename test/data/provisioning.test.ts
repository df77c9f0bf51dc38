/**
 * Field XML used by ensureLists: the site script's CAML plus the lookup's target list id.
 */
import { provisioningFieldXml } from '../../src/data/provisioning';
import { SCHEMA, fieldDef } from '../../src/data/schema';

const ids = new Map([['services', '{0A1B2C3D-0000-4000-8000-00000000000A}'], ['objectives', 'bbbbbbbb-0000-4000-8000-00000000000b']] as const);

describe('provisioningFieldXml', () => {
  it('points a lookup at the target list id and shows its Title', () => {
    const xml = provisioningFieldXml(SCHEMA.objectives, fieldDef('objectives', 'serviceId'), new Map(ids));
    expect(xml).toMatch(/Type="Lookup" List="\{0A1B2C3D-0000-4000-8000-00000000000A\}"/);
    expect(xml).toContain('ShowField="Title"');
    expect(xml).toContain('Name="Service"');
    expect(xml).toContain('Indexed="TRUE"');
    expect(xml).toContain('Required="TRUE"');
  });

  it('refuses a lookup whose target list is not provisioned yet', () => {
    expect(() => provisioningFieldXml(SCHEMA.objectiveUpdates, fieldDef('objectiveUpdates', 'objectiveId'), new Map())).toThrow(/not provisioned before it/);
  });

  it('writes the XML rules for choices, integers, dates, rich text and people', () => {
    const none = new Map<never, string>();
    expect(provisioningFieldXml(SCHEMA.objectives, fieldDef('objectives', 'status'), none)).toMatch(/<CHOICES><CHOICE>Not started<\/CHOICE>.*<CHOICE>Complete<\/CHOICE><\/CHOICES>/);
    expect(provisioningFieldXml(SCHEMA.risks, fieldDef('risks', 'inherentImpact'), none)).toMatch(/Type="Number".*Decimals="0" Min="1" Max="5"/);
    expect(provisioningFieldXml(SCHEMA.objectives, fieldDef('objectives', 'targetDate'), none)).toMatch(/Type="DateTime".*Format="DateOnly"/);
    expect(provisioningFieldXml(SCHEMA.objectives, fieldDef('objectives', 'aim'), none)).toMatch(/Type="Note".*RichText="TRUE" RichTextMode="FullHtml"/);
    expect(provisioningFieldXml(SCHEMA.objectives, fieldDef('objectives', 'responsibleOfficer'), none)).toContain('UserSelectionMode="PeopleOnly"');
  });
});
