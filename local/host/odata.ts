/**
 * Parsers for the OData query options SharePoint REST accepts on collections:
 * `$filter` (v3 syntax as SharePoint speaks it), `$orderby`, `$select`/`$expand` and
 * SharePoint's `$skiptoken` (`Paged=TRUE&p_ID=n`). Pure functions, no I/O.
 */

/** A literal on the right (or left) of a comparison. */
export type Literal =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'datetime'; value: string }
  | { type: 'null' };

/** Comparison operators of OData v3. */
export type CmpOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

/** Parsed `$filter` expression. */
export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; expr: FilterExpr }
  | { kind: 'cmp'; op: CmpOp; field: string; value: Literal }
  | { kind: 'func'; name: 'substringof' | 'startswith'; field: string; value: string };

/** Thrown for a malformed query option; the host answers 400 like SharePoint. */
export class ODataSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ODataSyntaxError';
  }
}

type Token =
  | { t: 'ident'; v: string }
  | { t: 'string'; v: string }
  | { t: 'number'; v: number }
  | { t: 'datetime'; v: string }
  | { t: '(' | ')' | ',' };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const readQuoted = (): string => {
    // i points at the opening quote; '' is an escaped quote (OData v3).
    let s = '';
    i++;
    for (;;) {
      if (i >= src.length) throw new ODataSyntaxError(`Unterminated string literal in "${echo(src)}".`);
      const c = src[i];
      if (c === "'") {
        if (src[i + 1] === "'") {
          s += "'";
          i += 2;
          continue;
        }
        i++;
        return s;
      }
      s += c;
      i++;
    }
  };
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      out.push({ t: c });
      i++;
    } else if (c === "'") {
      out.push({ t: 'string', v: readQuoted() });
    } else if (/[-0-9]/.test(c) && /^-?\d/.test(src.slice(i, i + 2))) {
      const m = /^-?\d+(\.\d+)?([eE][-+]?\d+)?[mMdDlLfF]?/.exec(src.slice(i));
      if (!m) throw new ODataSyntaxError(`Invalid number in "${echo(src)}".`);
      out.push({ t: 'number', v: parseFloat(m[0].replace(/[mMdDlLfF]$/, '')) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_./]*/.exec(src.slice(i));
      const word = m ? m[0] : c;
      i += word.length;
      if (word.toLowerCase() === 'datetime' && src[i] === "'") {
        out.push({ t: 'datetime', v: readQuoted() });
      } else {
        out.push({ t: 'ident', v: word });
      }
    } else {
      throw new ODataSyntaxError(`Unexpected character '${c}' in "${echo(src)}".`);
    }
  }
  return out;
}

const CMP_OPS: readonly string[] = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];
const SWAPPED: Record<CmpOp, CmpOp> = { eq: 'eq', ne: 'ne', lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' };

/** Deepest nesting of parentheses and `not` a filter may have (SharePoint refuses far less). */
export const MAX_FILTER_DEPTH = 32;
/** Most comparisons and functions one filter may hold. */
export const MAX_FILTER_TERMS = 500;
/** Characters of a client's query echoed back in an error message. */
export const MAX_ECHO = 200;

/** A client's text for an error message, shortened: a huge query is never echoed back whole. */
export function echo(text: string): string {
  return text.length <= MAX_ECHO ? text : `${text.slice(0, MAX_ECHO)}… (${text.length} characters)`;
}

/**
 * Parses a `$filter` value into an expression tree. Every malformed filter is an
 * ODataSyntaxError (a 400), including one too deep or too long to evaluate safely.
 */
export function parseFilter(src: string): FilterExpr {
  const tokens = tokenize(src);
  let pos = 0;
  let depth = 0;
  let terms = 0;
  const fail = (what: string): never => {
    throw new ODataSyntaxError(`The expression "${echo(src)}" is not valid: ${what}.`);
  };
  const deeper = (): void => {
    if (++depth > MAX_FILTER_DEPTH) fail(`it nests deeper than ${MAX_FILTER_DEPTH} levels`);
  };
  const term = (): void => {
    if (++terms > MAX_FILTER_TERMS) fail(`it has more than ${MAX_FILTER_TERMS} conditions`);
  };
  const peek = (): Token | undefined => tokens[pos];
  const isWord = (tok: Token | undefined, word: string): boolean =>
    tok !== undefined && tok.t === 'ident' && tok.v.toLowerCase() === word;
  const expect = (t: '(' | ')' | ','): void => {
    const tok = tokens[pos++];
    if (!tok || tok.t !== t) fail(`expected '${t}'`);
  };

  type Operand = { field: string } | { literal: Literal };
  const operand = (): Operand => {
    const tok = tokens[pos++];
    if (!tok) return fail('unexpected end');
    switch (tok.t) {
      case 'string':
        return { literal: { type: 'string', value: tok.v } };
      case 'number':
        return { literal: { type: 'number', value: tok.v } };
      case 'datetime':
        return { literal: { type: 'datetime', value: tok.v } };
      case 'ident': {
        const w = tok.v.toLowerCase();
        if (w === 'null') return { literal: { type: 'null' } };
        if (w === 'true' || w === 'false') return { literal: { type: 'boolean', value: w === 'true' } };
        return { field: tok.v };
      }
      default:
        return fail(`unexpected '${tok.t}'`);
    }
  };

  const func = (name: 'substringof' | 'startswith'): FilterExpr => {
    expect('(');
    const a = operand();
    expect(',');
    const b = operand();
    expect(')');
    // substringof('text', Field); startswith(Field, 'text')
    const [fieldOp, litOp] = name === 'substringof' ? [b, a] : [a, b];
    if (!('field' in fieldOp) || !('literal' in litOp) || litOp.literal.type !== 'string') {
      return fail(`${name} needs a field and a string`);
    }
    return { kind: 'func', name, field: fieldOp.field, value: litOp.literal.value };
  };

  const primary = (): FilterExpr => {
    const tok = peek();
    if (!tok) return fail('unexpected end');
    if (tok.t === '(') {
      pos++;
      deeper();
      const inner = orExpr();
      expect(')');
      depth--;
      return inner;
    }
    if (isWord(tok, 'not')) {
      pos++;
      deeper();
      const expr = primary();
      depth--;
      return { kind: 'not', expr };
    }
    term();
    if ((isWord(tok, 'substringof') || isWord(tok, 'startswith')) && tokens[pos + 1]?.t === '(') {
      pos++;
      return func((tok as { v: string }).v.toLowerCase() as 'substringof' | 'startswith');
    }
    const left = operand();
    const opTok = tokens[pos++];
    if (!opTok || opTok.t !== 'ident' || !CMP_OPS.includes(opTok.v.toLowerCase())) return fail('expected a comparison operator');
    const op = opTok.v.toLowerCase() as CmpOp;
    const right = operand();
    if ('field' in left && 'literal' in right) return { kind: 'cmp', op, field: left.field, value: right.literal };
    if ('literal' in left && 'field' in right) return { kind: 'cmp', op: SWAPPED[op], field: right.field, value: left.literal };
    return fail('a comparison needs one field and one literal');
  };

  const andExpr = (): FilterExpr => {
    let left = primary();
    while (isWord(peek(), 'and')) {
      pos++;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  function orExpr(): FilterExpr {
    let left = andExpr();
    while (isWord(peek(), 'or')) {
      pos++;
      left = { kind: 'or', left, right: andExpr() };
    }
    return left;
  }

  if (tokens.length === 0) fail('empty expression');
  const result = orExpr();
  if (pos < tokens.length) fail('unexpected trailing input');
  return result;
}

/** Every field name a filter expression refers to. */
export function filterFields(expr: FilterExpr): string[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return [...filterFields(expr.left), ...filterFields(expr.right)];
    case 'not':
      return filterFields(expr.expr);
    default:
      return [expr.field];
  }
}

/** One `$orderby` key. */
export interface OrderKey {
  field: string;
  desc: boolean;
}

/** Parses `$orderby` ("Title asc, Modified desc"). */
export function parseOrderBy(src: string): OrderKey[] {
  return src
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((part) => {
      const m = /^([A-Za-z_][A-Za-z0-9_./]*)(?:\s+(asc|desc))?$/i.exec(part);
      if (!m) throw new ODataSyntaxError(`The $orderby expression "${echo(part)}" is not valid.`);
      return { field: m[1], desc: (m[2] ?? 'asc').toLowerCase() === 'desc' };
    });
}

/** Splits a comma separated `$select`/`$expand` list. */
export function parseList(src: string | null | undefined): string[] {
  if (!src) return [];
  return src
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** SharePoint's paging token: the last row's id and its sort values. */
export interface SkipToken {
  /** Id of the last item of the previous page. */
  id: number;
  /** Sort key values of that item keyed by field name; null for an empty value. */
  values: Record<string, string | null>;
}

const SP_TOKEN_DATE = /^(\d{4})(\d{2})(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Formats a value as SharePoint writes it into `p_Field=` (dates as `yyyyMMdd HH:mm:ss`). */
export function tokenValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  const s = String(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(s);
  if (iso) return `${iso[1]}${iso[2]}${iso[3]} ${iso[4]}:${iso[5]}:${iso[6]}`;
  return s;
}

/** Reverses `tokenValue` for a date: `yyyyMMdd HH:mm:ss` back to ISO 8601 UTC. */
export function tokenDateToIso(value: string): string | undefined {
  const m = SP_TOKEN_DATE.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : undefined;
}

/** Builds `Paged=TRUE&p_Field=value&p_ID=n`. */
export function formatSkipToken(token: SkipToken): string {
  const params = new URLSearchParams();
  params.set('Paged', 'TRUE');
  for (const [field, v] of Object.entries(token.values)) params.set(`p_${field}`, v ?? '');
  params.set('p_ID', String(token.id));
  return params.toString();
}

/** Parses a `$skiptoken`; throws ODataSyntaxError when it is not a forward paging token. */
export function parseSkipToken(src: string): SkipToken {
  const params = new URLSearchParams(src);
  if ((params.get('Paged') ?? '').toUpperCase() !== 'TRUE') throw new ODataSyntaxError(`The $skiptoken "${echo(src)}" is not valid.`);
  if ((params.get('PagedPrev') ?? '').toUpperCase() === 'TRUE') {
    throw new ODataSyntaxError('Backward paging (PagedPrev=TRUE) is not implemented by the local host.');
  }
  const rawId = params.get('p_ID') ?? '';
  const id = Number(rawId);
  if (rawId.trim() === '' || !Number.isInteger(id)) throw new ODataSyntaxError(`The $skiptoken "${echo(src)}" has no valid p_ID.`);
  const values: Record<string, string | null> = {};
  params.forEach((v, k) => {
    if (k.startsWith('p_') && k !== 'p_ID') values[k.slice(2)] = v === '' ? null : v;
  });
  return { id, values };
}

/** Evaluates a filter against a plain object (used for small collections: fields, views, lists, users). */
export function evaluateFilter(expr: FilterExpr, obj: Record<string, unknown>): boolean {
  switch (expr.kind) {
    case 'and':
      return evaluateFilter(expr.left, obj) && evaluateFilter(expr.right, obj);
    case 'or':
      return evaluateFilter(expr.left, obj) || evaluateFilter(expr.right, obj);
    case 'not':
      return !evaluateFilter(expr.expr, obj);
    case 'func': {
      const v = obj[expr.field];
      if (typeof v !== 'string') return false;
      const hay = v.toLowerCase();
      const needle = expr.value.toLowerCase();
      return expr.name === 'startswith' ? hay.startsWith(needle) : hay.includes(needle);
    }
    case 'cmp': {
      const v = obj[expr.field];
      const lit = expr.value;
      if (lit.type === 'null') {
        const isNull = v === null || v === undefined;
        return expr.op === 'eq' ? isNull : expr.op === 'ne' ? !isNull : false;
      }
      if (v === null || v === undefined) return expr.op === 'ne';
      let a: string | number | boolean = v as string | number | boolean;
      let b: string | number | boolean = lit.value;
      if (typeof a === 'boolean' && typeof b === 'number') b = b !== 0;
      if (typeof a === 'string' && typeof b === 'string') {
        a = a.toLowerCase();
        b = b.toLowerCase();
      }
      switch (expr.op) {
        case 'eq':
          return a === b;
        case 'ne':
          return a !== b;
        case 'lt':
          return a < b;
        case 'le':
          return a <= b;
        case 'gt':
          return a > b;
        case 'ge':
          return a >= b;
      }
    }
  }
  return false;
}
