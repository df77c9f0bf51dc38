import { parseFieldXml, FieldXmlError } from '../../local/host/fieldXml';

describe('createfieldasxml SchemaXml parsing', () => {
  it('reads a lookup with its list and show field', () => {
    const f = parseFieldXml(
      '<Field Type="Lookup" Name="Service" StaticName="Service" DisplayName="Service" Required="TRUE" Indexed="TRUE" List="{0b5f8c6e-1111-2222-3333-444455556666}" ShowField="Title" />'
    );
    expect(f).toMatchObject({ type: 'Lookup', internalName: 'Service', displayName: 'Service', required: true, indexed: true, list: '{0b5f8c6e-1111-2222-3333-444455556666}', showField: 'Title' });
  });

  it('reads choices, numbers bounds and decodes entities', () => {
    const f = parseFieldXml(
      `<Field Type="Choice" Name="Cat" DisplayName="Savings &amp; costs" Required="FALSE"><CHOICES><CHOICE>Financial savings</CHOICE><CHOICE>Staff &amp; development</CHOICE></CHOICES></Field>`
    );
    expect(f.displayName).toBe('Savings & costs');
    expect(f.choices).toEqual(['Financial savings', 'Staff & development']);
    expect(f.required).toBe(false);
    const n = parseFieldXml("<Field Type='Number' Name='Score' DisplayName='Score' Min='1' Max='5' Indexed='FALSE'/>");
    expect([n.min, n.max, n.indexed]).toEqual([1, 5, false]);
  });

  it('reads rich text and date-only formats', () => {
    expect(parseFieldXml('<Field Type="Note" Name="Aim" DisplayName="Aim" RichText="TRUE" />').richText).toBe(true);
    expect(parseFieldXml('<Field Type="DateTime" Name="Due" DisplayName="Due" Format="DateOnly" />').format).toBe('DateOnly');
  });

  it('rejects XML that is not a field or has no type', () => {
    expect(() => parseFieldXml('<View />')).toThrow(FieldXmlError);
    expect(() => parseFieldXml('<Field Name="X" DisplayName="X" />')).toThrow(FieldXmlError);
    expect(() => parseFieldXml('<Field Type="Text" Name="Bad name" DisplayName="X" />')).toThrow(FieldXmlError);
  });
});
