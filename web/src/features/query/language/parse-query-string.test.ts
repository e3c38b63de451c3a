import { describe, expect, it } from 'vitest';
import { parseQueryString } from './parse-query-string';
import { standardTicketFields } from './query-fields';
import { QuerySyntaxError } from './query-syntax-error';

const fields = [
  ...standardTicketFields,
  { name: 'estimate', type: 'text' as const, custom: true },
  { name: 'due_date', type: 'time' as const, custom: true },
];

function only(text: string) {
  const query = parseQueryString(text);
  expect(query.groups).toHaveLength(1);
  return query.groups[0] ?? [];
}

function errorOf(text: string, options = {}): QuerySyntaxError {
  try {
    parseQueryString(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(QuerySyntaxError);
    return error as QuerySyntaxError;
  }
  throw new Error(`expected '${text}' to be refused`);
}

describe('parseQueryString', () => {
  it.each([
    ['owner=bob', 'is', false],
    ['owner~=bob', 'contains', false],
    ['owner^=bob', 'startsWith', false],
    ['owner$=bob', 'endsWith', false],
    ['owner!=bob', 'is', true],
    ['owner!~=bob', 'contains', true],
    ['owner!^=bob', 'startsWith', true],
    ['owner!$=bob', 'endsWith', true],
  ])('reads %s as %s (negated: %s)', (text, mode, negate) => {
    expect(only(text)).toEqual([{ field: 'owner', mode, negate, values: ['bob'] }]);
  });

  it('accepts the operator at the front of the value, as Trac does', () => {
    expect(only('status=!closed')).toEqual([
      { field: 'status', mode: 'is', negate: true, values: ['closed'] },
    ]);
    expect(only('summary=~graph')).toEqual([
      { field: 'summary', mode: 'contains', negate: false, values: ['graph'] },
    ]);
  });

  it('reads the full example from the docs', () => {
    const query = parseQueryString(
      'status!=closed&owner=$USER&order=priority&group=milestone&col=id|summary|status&desc=1&max=50&page=2&verbose=1',
    );
    expect(query).toEqual({
      groups: [
        [
          { field: 'status', mode: 'is', negate: true, values: ['closed'] },
          { field: 'owner', mode: 'is', negate: false, values: ['$USER'] },
        ],
      ],
      order: 'priority',
      group: 'milestone',
      columns: ['id', 'summary', 'status'],
      desc: true,
      groupDesc: false,
      max: 50,
      page: 2,
      verbose: true,
    });
  });

  it('splits alternatives on | and filters on &', () => {
    expect(only('status=new|assigned&type=defect')).toEqual([
      { field: 'status', mode: 'is', negate: false, values: ['new', 'assigned'] },
      { field: 'type', mode: 'is', negate: false, values: ['defect'] },
    ]);
  });

  it('keeps $USER for every operator, never reading its $ as "ends with"', () => {
    expect(only('owner!=$USER&reporter~=$USER')).toEqual([
      { field: 'owner', mode: 'is', negate: true, values: ['$USER'] },
      { field: 'reporter', mode: 'contains', negate: false, values: ['$USER'] },
    ]);
    expect(only('owner=$7')[0]).toMatchObject({ mode: 'endsWith', values: ['7'] });
  });

  it('makes "or" groups', () => {
    const query = parseQueryString('status=new&or&owner=bob&priority=high&or&');
    expect(query.groups).toEqual([
      [{ field: 'status', mode: 'is', negate: false, values: ['new'] }],
      [
        { field: 'owner', mode: 'is', negate: false, values: ['bob'] },
        { field: 'priority', mode: 'is', negate: false, values: ['high'] },
      ],
    ]);
  });

  it('unescapes \\&, \\| and \\\\ inside values', () => {
    expect(only('summary~=R\\&D\\|QA&keywords=a\\\\b')).toEqual([
      { field: 'summary', mode: 'contains', negate: false, values: ['R&D|QA'] },
      { field: 'keywords', mode: 'is', negate: false, values: ['a\\b'] },
    ]);
  });

  it('keeps an escaped leading operator character as text', () => {
    expect(only('summary=\\!important')[0]).toMatchObject({
      mode: 'is',
      negate: false,
      values: ['!important'],
    });
    expect(only('summary!=\\~x')[0]).toMatchObject({ mode: 'is', negate: true, values: ['~x'] });
  });

  it('keeps other backslashes, as Trac does', () => {
    expect(only('summary~=C:\\temp')[0]?.values).toEqual(['C:\\temp']);
  });

  it('allows = inside values and empty values', () => {
    expect(only('summary~=a=b&milestone=')).toEqual([
      { field: 'summary', mode: 'contains', negate: false, values: ['a=b'] },
      { field: 'milestone', mode: 'is', negate: false, values: [''] },
    ]);
  });

  it('maps created and modified onto time and changetime', () => {
    expect(only('created=1weekago..&modified=..today')).toEqual([
      { field: 'time', mode: 'is', negate: false, values: ['1weekago..'] },
      { field: 'changetime', mode: 'is', negate: false, values: ['..today'] },
    ]);
  });

  it.each([
    '2024-01-01..2024-02-01',
    '3days ago',
    'today',
    'yesterday',
    'thismonth',
    '-2w',
    'lastweek..thisweek',
  ])('accepts the date %s', (date) => {
    expect(only(`time=${date}`)[0]?.values).toEqual([date]);
  });

  it('reads id lists and ranges', () => {
    expect(only('id=42,44,51-55')).toEqual([
      { field: 'id', mode: 'is', negate: false, values: ['42,44,51-55'] },
    ]);
    expect(only('id!=1-3')[0]).toMatchObject({ negate: true });
  });

  it('merges a field repeated with the same operator into alternatives', () => {
    expect(only('status!=closed&status!=new')).toEqual([
      { field: 'status', mode: 'is', negate: true, values: ['closed', 'new'] },
    ]);
  });

  it('reads custom fields by name and ignores blank clauses', () => {
    expect(only('&estimate^=2&&')).toEqual([
      { field: 'estimate', mode: 'startsWith', negate: false, values: ['2'] },
    ]);
  });

  it('reads report, format, groupdesc and row=description', () => {
    expect(parseQueryString('report=7&format=CSV&groupdesc=1&row=description')).toMatchObject({
      report: '7',
      format: 'csv',
      groupDesc: true,
      verbose: true,
    });
  });

  it('reads max=0 as no limit', () => {
    expect(parseQueryString('max=0').max).toBe(0);
  });

  describe('bad input', () => {
    it.each([
      ['status', "'status' at character 1 has no '='"],
      ['status=new&owner', "'owner' at character 12 has no '='"],
      ['=new', "Missing field name before '=' at character 1"],
      ['owner~!=x', 'is not an operator'],
      ['sta tus=new', "'sta tus' at character 1 is not a field name"],
      ['order!=id', "'order' takes a plain '='"],
      ['id=42,x', "Invalid ticket id list '42,x' at character 1"],
      ['id~=4', "'id' compares ticket ids with = or != only"],
      ['time=lastfortnight', "'lastfortnight' is not a date at character 1"],
      ['created=2024-02-30..', "'2024-02-30' is not a date"],
      ['time~=2024', "'time' compares dates with = or != only"],
      ['max=ten', "'max' must be a whole number of at least 0, not 'ten'"],
      ['max=-1', "'max' must be a whole number"],
      ['page=0', "'page' must be a whole number of at least 1"],
      ['desc=maybe', "'desc' must be 1 or 0"],
      ['format=pdf', "Unknown export format 'pdf'"],
      ['report=abc', "'report' must be a report number"],
      ['status=new|!closed', "The values of 'status' mix = and != at character 12"],
      ['owner=a&owner~=b', "'owner' is filtered with both = and ~= at character 9"],
    ])('refuses %s with a message saying what and where', (text, message) => {
      expect(errorOf(text).message).toContain(message);
    });

    it('gives the position of the fault', () => {
      expect(errorOf('status=new&owner').position).toBe(11);
    });

    it('refuses unknown fields when the site fields are given', () => {
      const error = errorOf('stauts=new', { fields });
      expect(error.message).toBe("Unknown field 'stauts' at character 1");
      expect(error.field).toBe('stauts');
      expect(parseQueryString('estimate=3&due_date=today..', { fields }).groups[0]).toHaveLength(2);
      expect(errorOf('due_date=soon', { fields }).message).toContain("'soon' is not a date");
      expect(errorOf('col=id|nope', { fields }).message).toContain("Unknown field 'nope'");
    });
  });
});

describe('parseQueryString on arbitrary text', () => {
  it('either parses or throws QuerySyntaxError, never anything else', () => {
    const alphabet = [
      'status',
      'id',
      'time',
      'order',
      'col',
      'max',
      'or',
      '=',
      '!',
      '~',
      '^',
      '$',
      '&',
      '|',
      '\\',
      '..',
      '1',
      'a',
      ' ',
      ',',
      '-',
      'USER',
      'é',
    ];
    let seed = 42;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed;
    };
    for (let run = 0; run < 3000; run++) {
      let text = '';
      const length = next() % 12;
      for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length];
      try {
        parseQueryString(text, { fields });
      } catch (error) {
        expect(error, text).toBeInstanceOf(QuerySyntaxError);
      }
    }
  });
});
