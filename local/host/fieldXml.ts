/**
 * Reads the `<Field .../>` SchemaXml that `fields/createfieldasxml` receives. Only the
 * attributes SharePoint field creation honours for the product's field kinds are read.
 */

/** What the host keeps of a created field's schema. */
export interface ParsedFieldXml {
  type: string;
  internalName: string;
  staticName: string;
  displayName: string;
  required: boolean;
  indexed: boolean;
  /** `EnforceUniqueValues="TRUE"`. */
  unique: boolean;
  hidden: boolean;
  /** `List` attribute: a list GUID (with or without braces), a list URL or a title. */
  list?: string;
  showField?: string;
  min?: number;
  max?: number;
  maxLength?: number;
  richText: boolean;
  /** `Format` attribute, e.g. DateOnly. */
  format?: string;
  description?: string;
  choices: string[];
  /** `Mult="TRUE"` (multi-value user or lookup). */
  mult: boolean;
  /** Every attribute as written, names as in the XML. */
  attributes: Record<string, string>;
}

/** Thrown for SchemaXml the host cannot read; answered 400. */
export class FieldXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldXmlError';
  }
}

/** Decodes the five XML entities and numeric character references. */
export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, ent: string) => {
    const e = ent.toLowerCase();
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** Encodes text for an XML attribute or element. */
export function encodeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const bool = (v: string | undefined): boolean => (v ?? '').toUpperCase() === 'TRUE';
const num = (v: string | undefined): number | undefined => {
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/** Parses a field SchemaXml. */
export function parseFieldXml(xml: string): ParsedFieldXml {
  const open = /^\s*<Field\b([^>]*?)(\/?)>/i.exec(xml);
  if (!open) throw new FieldXmlError('The SchemaXml must start with a <Field> element.');
  const attributes: Record<string, string> = {};
  const attrRe = /([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = attrRe.exec(open[1])) !== null) attributes[m[1]] = decodeXml(m[2] ?? m[3] ?? '');
  const get = (name: string): string | undefined => {
    const key = Object.keys(attributes).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : attributes[key];
  };
  const type = get('Type');
  if (!type) throw new FieldXmlError('The <Field> element has no Type attribute.');
  const name = get('Name') ?? get('StaticName');
  const displayName = get('DisplayName') ?? name;
  if (!name || !displayName) throw new FieldXmlError('The <Field> element needs a Name or DisplayName.');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new FieldXmlError(`"${name}" is not a valid field internal name.`);
  const choices: string[] = [];
  if (open[2] !== '/') {
    const choiceRe = /<CHOICE>([\s\S]*?)<\/CHOICE>/gi;
    while ((m = choiceRe.exec(xml)) !== null) choices.push(decodeXml(m[1]));
  }
  return {
    type,
    internalName: name,
    staticName: get('StaticName') ?? name,
    displayName,
    required: bool(get('Required')),
    indexed: bool(get('Indexed')),
    unique: bool(get('EnforceUniqueValues')),
    hidden: bool(get('Hidden')),
    list: get('List'),
    showField: get('ShowField'),
    min: num(get('Min')),
    max: num(get('Max')),
    maxLength: num(get('MaxLength')),
    richText: bool(get('RichText')),
    format: get('Format'),
    description: get('Description'),
    choices,
    mult: bool(get('Mult')),
    attributes
  };
}
