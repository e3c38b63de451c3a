import { describe, expect, it } from 'vitest';
import { parseQueryString } from './parse-query-string';
import { type QueryField, standardTicketFields } from './query-fields';
import { defaultOrder, resolveQueryColumns } from './resolve-query-columns';

const fields: QueryField[] = [
  ...standardTicketFields,
  { name: 'estimate', type: 'text', custom: true },
];
const columns = (text: string) => resolveQueryColumns(parseQueryString(text), fields);

describe('resolveQueryColumns', () => {
  it("shows Trac's default columns for open tickets", () => {
    expect(columns('status!=closed')).toEqual([
      'id',
      'summary',
      'status',
      'owner',
      'type',
      'priority',
      'milestone',
    ]);
  });

  it('leaves out a column pinned to one value, and resolution unless closed tickets are asked for', () => {
    expect(columns('owner=bob')).toEqual([
      'id',
      'summary',
      'type',
      'status',
      'priority',
      'milestone',
      'component',
    ]);
    const few = fields.filter((f) => ['summary', 'status', 'resolution', 'owner'].includes(f.name));
    const fewColumns = (text: string) => resolveQueryColumns(parseQueryString(text), few);
    expect(fewColumns('status=closed|new&order=id')).toEqual([
      'id',
      'summary',
      'status',
      'owner',
      'resolution',
    ]);
    expect(fewColumns('status=new|assigned&order=id')).toEqual([
      'id',
      'summary',
      'status',
      'owner',
    ]);
  });

  it('puts constrained fields after the summary and keeps the sort column visible', () => {
    expect(columns('estimate~=3&order=severity')).toEqual([
      'id',
      'summary',
      'estimate',
      'owner',
      'type',
      'status',
      'severity',
    ]);
  });

  it('leaves out the grouping column', () => {
    expect(columns('group=milestone')).not.toContain('milestone');
  });

  it('keeps the asked-for columns, with id first', () => {
    expect(columns('col=summary|estimate')).toEqual(['id', 'summary', 'estimate']);
    expect(columns('col=owner|id')).toEqual(['owner', 'id']);
  });

  it('sorts by priority by default, or by id when the site has no priority', () => {
    expect(defaultOrder(fields)).toBe('priority');
    expect(defaultOrder(fields.filter((f) => f.name !== 'priority'))).toBe('id');
  });
});
