import {
  evaluateFilter,
  filterFields,
  formatSkipToken,
  ODataSyntaxError,
  parseFilter,
  parseOrderBy,
  parseSkipToken,
  tokenDateToIso,
  tokenValue
} from '../../local/host/odata';

describe('$filter parser', () => {
  it('parses comparisons with every literal kind', () => {
    expect(parseFilter("Title eq 'O''Brien'")).toEqual({ kind: 'cmp', op: 'eq', field: 'Title', value: { type: 'string', value: "O'Brien" } });
    expect(parseFilter('ServiceId ge 3')).toEqual({ kind: 'cmp', op: 'ge', field: 'ServiceId', value: { type: 'number', value: 3 } });
    expect(parseFilter('Owner/Id ne null')).toEqual({ kind: 'cmp', op: 'ne', field: 'Owner/Id', value: { type: 'null' } });
    expect(parseFilter("Modified lt datetime'2022-03-01T00:00:00Z'")).toEqual({
      kind: 'cmp',
      op: 'lt',
      field: 'Modified',
      value: { type: 'datetime', value: '2022-03-01T00:00:00Z' }
    });
    expect(parseFilter('Done eq true').kind).toBe('cmp');
  });

  it('gives and precedence over or and honours parentheses', () => {
    const e = parseFilter("A eq 1 or B eq 2 and C eq 3");
    expect(e.kind).toBe('or');
    const p = parseFilter('(A eq 1 or B eq 2) and C eq 3');
    expect(p.kind).toBe('and');
    expect(filterFields(p)).toEqual(['A', 'B', 'C']);
  });

  it('swaps the operator when the literal comes first', () => {
    expect(parseFilter('5 lt Score')).toEqual({ kind: 'cmp', op: 'gt', field: 'Score', value: { type: 'number', value: 5 } });
  });

  it('parses substringof and startswith as PnPjs writes them', () => {
    expect(parseFilter("substringof('shared', Title)")).toEqual({ kind: 'func', name: 'substringof', field: 'Title', value: 'shared' });
    expect(parseFilter("startswith(Title, 'Rev')")).toEqual({ kind: 'func', name: 'startswith', field: 'Title', value: 'Rev' });
  });

  it.each(["Title eq", "Title eq 'x", 'eq 1', "Title eq 'a' and", 'A eq 1)', "Title like 'x'"])('rejects %s', (src) => {
    expect(() => parseFilter(src)).toThrow(ODataSyntaxError);
  });

  it('evaluates against plain objects case-insensitively for text', () => {
    const obj = { InternalName: 'ObjectiveStatus', Hidden: false, Count: 4 };
    expect(evaluateFilter(parseFilter("InternalName eq 'objectivestatus'"), obj)).toBe(true);
    expect(evaluateFilter(parseFilter('Hidden eq false and Count gt 3'), obj)).toBe(true);
    expect(evaluateFilter(parseFilter("Count le 3 or InternalName eq 'Rag'"), obj)).toBe(false);
  });
});

describe('$orderby parser', () => {
  it('reads several keys with their directions', () => {
    expect(parseOrderBy('Title, Modified desc,ServiceId asc')).toEqual([
      { field: 'Title', desc: false },
      { field: 'Modified', desc: true },
      { field: 'ServiceId', desc: false }
    ]);
  });
  it('rejects garbage', () => {
    expect(() => parseOrderBy('Title sideways')).toThrow(ODataSyntaxError);
  });
});

describe('$skiptoken', () => {
  it('round-trips the id and sort values, with dates in SharePoint form', () => {
    const token = { id: 5000, values: { Modified: tokenValue('2022-02-03T04:05:06Z'), Title: 'a&b=c', ServiceId: null } };
    const text = formatSkipToken(token);
    expect(text.startsWith('Paged=TRUE')).toBe(true);
    expect(text).toContain('p_ID=5000');
    expect(text).toContain('p_Modified=20220203+04%3A05%3A06');
    const back = parseSkipToken(text);
    expect(back).toEqual(token);
    expect(tokenDateToIso(back.values.Modified as string)).toBe('2022-02-03T04:05:06Z');
  });
  it('accepts the token PnPjs skip() writes', () => {
    expect(parseSkipToken('Paged=TRUE&p_ID=100')).toEqual({ id: 100, values: {} });
  });
  it('rejects backward paging and tokens without an id', () => {
    expect(() => parseSkipToken('Paged=TRUE&PagedPrev=TRUE&p_ID=3')).toThrow(ODataSyntaxError);
    expect(() => parseSkipToken('Paged=TRUE')).toThrow(ODataSyntaxError);
  });
});
