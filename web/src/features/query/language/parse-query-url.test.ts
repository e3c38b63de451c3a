import { describe, expect, it } from 'vitest';
import { parseQueryUrl } from './parse-query-url';
import { standardTicketFields } from './query-fields';
import { QuerySyntaxError } from './query-syntax-error';

const fields = [...standardTicketFields, { name: 'estimate', type: 'text' as const, custom: true }];

function groupsOf(url: string) {
  return parseQueryUrl(url).groups;
}

describe('parseQueryUrl', () => {
  it('reads repeated keys as alternatives', () => {
    expect(groupsOf('status=new&status=assigned')).toEqual([
      [{ field: 'status', mode: 'is', negate: false, values: ['new', 'assigned'] }],
    ]);
  });

  it.each([
    ['status=!closed', 'status', 'is', true, 'closed'],
    ['owner=~user1', 'owner', 'contains', false, 'user1'],
    ['summary=^graph', 'summary', 'startsWith', false, 'graph'],
    ['owner=$7', 'owner', 'endsWith', false, '7'],
    ['keywords=!~lexer', 'keywords', 'contains', true, 'lexer'],
    ['summary=!^draft', 'summary', 'startsWith', true, 'draft'],
    ['summary=!$wip', 'summary', 'endsWith', true, 'wip'],
    ['owner=$USER', 'owner', 'is', false, '$USER'],
    ['owner=!$USER', 'owner', 'is', true, '$USER'],
  ])('reads the operator leading the value in %s', (url, field, mode, negate, value) => {
    expect(groupsOf(url)).toEqual([[{ field, mode, negate, values: [value] }]]);
  });

  it('makes OR groups from numbered prefixes, in number order', () => {
    expect(groupsOf('1_version=1.0&0_milestone=m1&0_status=!closed')).toEqual([
      [
        { field: 'milestone', mode: 'is', negate: false, values: ['m1'] },
        { field: 'status', mode: 'is', negate: true, values: ['closed'] },
      ],
      [{ field: 'version', mode: 'is', negate: false, values: ['1.0'] }],
    ]);
  });

  it('reads time and changetime ranges, and created/modified', () => {
    expect(groupsOf('time=2024-01-01..2024-02-01&modified=1weekago..')).toEqual([
      [
        { field: 'time', mode: 'is', negate: false, values: ['2024-01-01..2024-02-01'] },
        { field: 'changetime', mode: 'is', negate: false, values: ['1weekago..'] },
      ],
    ]);
  });

  it('reads id lists and ranges', () => {
    expect(groupsOf('id=42,44,51-55')).toEqual([
      [{ field: 'id', mode: 'is', negate: false, values: ['42,44,51-55'] }],
    ]);
  });

  it('reads custom fields by name', () => {
    expect(parseQueryUrl('estimate=~3', { fields }).groups).toEqual([
      [{ field: 'estimate', mode: 'contains', negate: false, values: ['3'] }],
    ]);
  });

  it('reads order, desc, group, groupdesc, col, max, page, verbose, report and format', () => {
    const query = parseQueryUrl(
      'status=!closed&order=priority&desc=1&group=milestone&groupdesc=1&col=id&col=summary&col=owner&max=0&page=3&verbose=1&report=7&format=csv',
    );
    expect(query).toEqual({
      groups: [[{ field: 'status', mode: 'is', negate: true, values: ['closed'] }]],
      order: 'priority',
      desc: true,
      group: 'milestone',
      groupDesc: true,
      columns: ['id', 'summary', 'owner'],
      max: 0,
      page: 3,
      verbose: true,
      report: '7',
      format: 'csv',
    });
  });

  it("reads Trac's form fields: _mode, _end and the buttons it sends", () => {
    const query = parseQueryUrl(
      '0_owner=!bob&0_owner_mode=~&0_time=2024-01-01&0_time_end=2024-02-01&update=Update&__FORM_TOKEN=x&USER=bob',
    );
    expect(query.groups).toEqual([
      [
        { field: 'owner', mode: 'contains', negate: false, values: ['!bob'] },
        { field: 'time', mode: 'is', negate: false, values: ['2024-01-01..2024-02-01'] },
      ],
    ]);
  });

  it('splits plain keys into groups at "or"', () => {
    expect(groupsOf('status=new&or&owner=bob')).toHaveLength(2);
  });

  it('accepts Next.js searchParams and URLSearchParams', () => {
    const fromRecord = parseQueryUrl({ status: ['new', 'assigned'], order: 'id', page: undefined });
    expect(fromRecord.groups[0]?.[0]?.values).toEqual(['new', 'assigned']);
    expect(fromRecord.order).toBe('id');
    const fromParams = parseQueryUrl(new URLSearchParams('?owner=%24USER&summary=a+b'));
    expect(fromParams.groups[0]).toEqual([
      { field: 'owner', mode: 'is', negate: false, values: ['$USER'] },
      { field: 'summary', mode: 'is', negate: false, values: ['a b'] },
    ]);
    expect(parseQueryUrl('?').groups).toEqual([]);
  });

  describe('bad input', () => {
    it.each([
      ['stauts=new', "Unknown field 'stauts' in URL parameter 'stauts'"],
      ['status=new&status=!closed', "The values of URL parameter 'status' mix operators"],
      ['id=abc', "Invalid ticket id list 'abc' in URL parameter 'id'"],
      ['time=whenever', "'whenever' is not a date in URL parameter 'time'"],
      ['max=lots', "'max' must be a whole number"],
      ['page=0', "'page' must be a whole number of at least 1"],
      ['0_owner=x&0_owner_mode=%3F', "'?' in URL parameter '0_owner_mode' is not an operator"],
      ['order=bogus', "Unknown field 'bogus' in URL parameter 'order'"],
      ['format=xml', "Unknown export format 'xml'"],
      ['0_st%20atus=x', "'st atus' in URL parameter '0_st atus' is not a field name"],
    ])('refuses %s', (url, message) => {
      let error: unknown;
      try {
        parseQueryUrl(url, { fields });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(QuerySyntaxError);
      expect((error as Error).message).toContain(message);
    });
  });
});

describe('parseQueryUrl on arbitrary parameters', () => {
  it('either parses or throws QuerySyntaxError, never anything else', () => {
    const keys = [
      'status',
      '0_owner',
      '1_time',
      '0_time_end',
      '0_owner_mode',
      'id',
      'or',
      'order',
      'max',
      'col',
      'x y',
      '%',
      '',
    ];
    const values = [
      '',
      '!',
      '~',
      '$USER',
      '!$',
      '1..',
      'today..x',
      '1-3',
      '%zz',
      'a|b',
      '^',
      'csv',
      '-1',
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed;
    };
    for (let run = 0; run < 3000; run++) {
      const pairs: string[] = [];
      for (let i = next() % 5; i > 0; i--) {
        pairs.push(`${keys[next() % keys.length]}=${values[next() % values.length]}`);
      }
      const url = pairs.join('&');
      try {
        parseQueryUrl(url);
      } catch (error) {
        expect(error, url).toBeInstanceOf(QuerySyntaxError);
      }
    }
  });
});
