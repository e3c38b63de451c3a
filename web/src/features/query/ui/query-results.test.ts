import { describe, expect, it } from 'vitest';
import { createQuery } from '../language';
import type { SiteQueryField } from '../load-query-fields';
import type { TicketQueryResult } from '../run-ticket-query';
import { renderQueryRows } from './query-results';

const fields = [
  { name: 'owner', label: 'Owner', type: 'text' },
  { name: 'priority', label: 'Priority', type: 'select', options: ['high', 'low'] },
] as SiteQueryField[];

function render(options: { verbose?: boolean; summary?: string; owner?: string }) {
  const rows = [
    { id: 7, summary: 'Plain <b>', owner: options.owner ?? 'ada', priority: 'high', status: 'new' },
  ];
  return renderQueryRows({
    rows,
    columns: ['id', 'summary', 'owner'],
    byName: new Map(fields.map((f) => [f.name, f])),
    priorities: ['high', 'low'],
    span: 4,
    props: {
      query: createQuery({ verbose: options.verbose ?? false }),
      result: {} as TicketQueryResult,
      fields,
      summaries: new Map(options.summary ? [[7, options.summary]] : []),
      descriptions: new Map(),
      batchFormId: 'batch',
    },
  });
}

describe('query result rows', () => {
  it('links the ticket, colours the row by priority and offers a batch checkbox', () => {
    const html = render({ summary: 'Login <em>loops</em>' });
    expect(html).toContain('<tr class="odd prio1">');
    expect(html).toContain('<a href="/ticket/7" title="View ticket #7">#7</a>');
    expect(html).toContain(
      '<a href="/ticket/7"><div class="wikipage searchable oneliner">Login <em>loops</em></div></a>',
    );
    expect(html).toContain('form="batch" aria-label="Select ticket #7"');
  });

  it('shows field values as text, never as markup', () => {
    const html = render({ owner: '<script>alert(1)</script>' });
    expect(html).toContain('<td class="col-owner">&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<a href="/ticket/7">Plain &lt;b&gt;</a>');
  });

  it('links a plain summary as text, and keeps wiki markup in its wiki frame', () => {
    expect(render({ summary: 'Login loops &amp; hangs' })).toContain(
      '<td class="summary"><a href="/ticket/7">Login loops &amp; hangs</a></td>',
    );
    expect(render({ summary: 'Login <em>loops</em>' })).toContain(
      '<div class="wikipage searchable oneliner">Login <em>loops</em></div>',
    );
  });

  it('adds the description row in verbose mode', () => {
    expect(render({ verbose: true })).toContain(
      '<td colspan="4"><p class="muted">No description.</p>',
    );
  });
});
