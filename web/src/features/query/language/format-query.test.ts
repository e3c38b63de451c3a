import { describe, expect, it } from 'vitest';
import { formatQueryString, formatQueryUrl } from './format-query';
import { parseQueryString } from './parse-query-string';
import { parseQueryUrl } from './parse-query-url';
import { createQuery, type Query } from './query-model';

const examples = [
  'status!=closed&owner=$USER&order=priority&group=milestone&col=id|summary|status&desc=1&max=50&page=2&verbose=1',
  'status=new|assigned&or&owner~=bob&priority^=hi',
  'summary~=R\\&D\\|QA\\\\x&keywords!~=lexer parser',
  'summary=\\!important&owner$=son&reporter!$=bot&component!^=core',
  'created=1weekago..&changetime=2024-01-01..2024-02-01|..yesterday&id!=1,3,10-20',
  'owner=$USER|\\$7&group=status&groupdesc=1&report=3&format=rss&max=0',
  'milestone=&estimate=~5',
  'owner$=USER',
];

describe('formatting queries', () => {
  it.each(examples)('round-trips %s through the string form', (text) => {
    const query = parseQueryString(text);
    expect(parseQueryString(formatQueryString(query))).toEqual(query);
  });

  it.each(examples)('round-trips %s through the URL form', (text) => {
    const query = parseQueryString(text);
    expect(parseQueryUrl(formatQueryUrl(query))).toEqual(query);
  });

  it("writes Trac's URL form: operator before the value, numbered groups only when needed", () => {
    expect(
      formatQueryUrl(
        parseQueryString('status!=closed&owner=$USER&keywords!~=lexer&order=priority'),
      ),
    ).toBe('status=!closed&owner=$USER&keywords=!~lexer&order=priority');
    expect(formatQueryUrl(parseQueryString('milestone=m1&or&version=1.0'))).toBe(
      '0_milestone=m1&1_version=1.0',
    );
    expect(formatQueryUrl(parseQueryString('col=id|summary&desc=1&max=0'))).toBe(
      'desc=1&col=id&col=summary&max=0',
    );
  });

  it("uses Trac's _mode parameter when a value starts with an operator character", () => {
    const query = parseQueryString('summary=\\!important');
    expect(formatQueryUrl(query)).toBe('0_summary=!important&0_summary_mode=');
  });

  it('writes the string form with the operator on the field', () => {
    const query: Query = createQuery({
      groups: [[{ field: 'summary', mode: 'contains', negate: true, values: ['a|b', 'c&d'] }]],
      order: 'id',
    });
    expect(formatQueryString(query)).toBe('summary!~=a\\|b|c\\&d&order=id');
    expect(formatQueryString(createQuery())).toBe('');
  });
});
