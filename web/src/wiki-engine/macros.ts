import { makeHref, OutlineFormatter } from './formatter';
import { element, escapeText } from './html';
import { parseMacroArgs } from './rules';
import { isSafeUrl } from './sanitize';
import { type MacroCall, MacroError, type TicketSummary, type WikiMacro } from './types';

function macroList(call: MacroCall): string {
  const filter = call.content.trim();
  const all = [...call.env.macros.values()].sort((a, b) => a.name.localeCompare(b.name));
  const chosen = all.filter((m) => {
    if (!filter || filter === '*') return true;
    if (filter.endsWith('*')) return m.name.startsWith(filter.slice(0, -1));
    return m.name === filter;
  });
  const items = chosen.map(
    (m) =>
      `<h3 id="${escapeText(m.name)}-macro"><code>[[${escapeText(m.name)}]]</code></h3>${m.description ? call.formatPage(m.description) : ''}`,
  );
  return `<div class="trac-macrolist">${items.join('')}</div>`;
}

function pageOutline(call: MacroCall): string {
  const { args, kwargs } = parseMacroArgs(call.content);
  let min = 1;
  let max = 6;
  const range = /^\s*(\d)(?:\s*-\s*(\d))?\s*$/.exec(args[0] ?? '');
  if (range) {
    min = Number(range[1]);
    max = range[2] ? Number(range[2]) : min;
  }
  const title = (args[1] ?? kwargs.title ?? '').trim();
  const style = (args[2] ?? '').trim();
  const outline = new OutlineFormatter(call.env, call.context).formatOutline(call.source, max, min);
  const cls = style === 'inline' ? 'wiki-toc trac-nav inline' : 'wiki-toc trac-nav';
  const heading = title ? `<h4>${escapeText(title)}</h4>` : '';
  return `<div class="${cls}">${heading}${outline}</div>`;
}

function formatDate(time: number): string {
  return new Date(time / 1000).toISOString().slice(0, 10);
}

function titleIndex(call: MacroCall): string {
  const list = call.env.data.listPages;
  if (!list) throw new MacroError('No page list is available here.');
  const prefix = parseMacroArgs(call.content).args[0]?.trim() ?? '';
  const names = list()
    .map((p) => p.name)
    .filter((n) => n.startsWith(prefix))
    .sort();
  if (!names.length) return '<p>No pages found.</p>';
  const items = names.map(
    (n) => `<li>${element('a', { href: makeHref(call.context, 'wiki', n) }, escapeText(n))}</li>`,
  );
  return `<div class="titleindex"><ul>${items.join('')}</ul></div>`;
}

function recentChanges(call: MacroCall): string {
  const changes = call.env.data.recentChanges;
  if (!changes) throw new MacroError('No change history is available here.');
  const { args, kwargs } = parseMacroArgs(call.content);
  const prefix = args[0]?.trim() ?? '';
  const limit = Number.parseInt(args[1] ?? kwargs.limit ?? '', 10);
  let rows = changes()
    .filter((c) => c.name.startsWith(prefix))
    .sort((a, b) => b.time - a.time);
  if (!Number.isNaN(limit) && limit > 0) rows = rows.slice(0, limit);
  let out = '';
  let day = '';
  for (const row of rows) {
    const d = formatDate(row.time);
    if (d !== day) {
      if (day) out += '</ul>';
      out += `<h3>${d}</h3><ul>`;
      day = d;
    }
    out += `<li>${element('a', { href: makeHref(call.context, 'wiki', row.name) }, escapeText(row.name))}</li>`;
  }
  if (day) out += '</ul>';
  return `<div class="wikipage recentchanges">${out}</div>`;
}

function image(call: MacroCall): string {
  const { args, kwargs } = parseMacroArgs(call.content);
  const file = args[0]?.trim();
  if (!file) throw new MacroError('No image specified.');
  const attrs: Record<string, string> = {};
  let src: string;
  if (/^[a-zA-Z][-a-zA-Z0-9+.]*:\/\//.test(file) || file.startsWith('/')) {
    if (!isSafeUrl(file, call.env.sanitize)) throw new MacroError('Unsafe image URL.');
    src = file;
  } else {
    const parts = file.split(':');
    const [realm, id, name] =
      parts.length >= 3
        ? [parts[0]!, parts.slice(1, -1).join(':'), parts[parts.length - 1]!]
        : parts.length === 2
          ? ['wiki', parts[0]!, parts[1]!]
          : [call.context.realm, call.context.id, file];
    src = makeHref(call.context, 'raw-attachment', realm, id, name);
  }
  for (const opt of args.slice(1)) {
    const o = opt.trim();
    if (/^\d+(?:px|%|em)?$/.test(o)) attrs.width = o;
    else if (['left', 'right', 'top', 'bottom', 'middle'].includes(o)) attrs.align = o;
    else if (/^(?:nolink|border)$/.test(o)) attrs[o === 'border' ? 'border' : 'data-nolink'] = '1';
  }
  for (const key of ['width', 'height', 'align', 'alt', 'title', 'border', 'class']) {
    if (kwargs[key]) attrs[key] = kwargs[key]!;
  }
  if (!attrs.alt) attrs.alt = file.split(':').pop()!;
  const { 'data-nolink': nolink, ...imgAttrs } = attrs;
  const img = `<img${Object.keys(imgAttrs)
    .sort()
    .map((k) => ` ${k}="${escapeText(imgAttrs[k]!).replace(/"/g, '&#34;')}"`)
    .join('')} src="${escapeText(src).replace(/"/g, '&#34;')}" />`;
  if (nolink) return img;
  return element('a', { class: 'image', href: src, title: attrs.title ?? attrs.alt }, img);
}

function timestamp(): string {
  return `<b>${escapeText(new Date().toUTCString())}</b>`;
}

const QUERY_COLUMNS = ['id', 'summary', 'status', 'type', 'owner', 'priority', 'milestone'];

function ticketLink(call: MacroCall, t: TicketSummary, label: string): string {
  const cls = t.status === 'closed' ? 'closed ticket' : `${t.status} ticket`;
  return element(
    'a',
    {
      class: cls,
      href: makeHref(call.context, 'ticket', String(t.id)),
      title: `${t.type ?? 'ticket'}: ${t.summary} (${t.status})`,
    },
    escapeText(label),
  );
}

function ticketQuery(call: MacroCall): string {
  const query = call.env.data.queryTickets;
  if (!query) throw new MacroError('Ticket queries are not available here.');
  const parts = call.content.split(/(?<!\\),/).map((p) => p.trim());
  const options: Record<string, string> = {};
  const criteria: string[] = [];
  for (const part of parts) {
    const m = /^(format|max|order|desc|col|group|rows)=(.*)$/.exec(part);
    if (m) options[m[1]!] = m[2]!;
    else if (part) criteria.push(part);
  }
  const tickets = query(criteria.join('&'));
  const format = options.format ?? 'list';
  const max = Number.parseInt(options.max ?? '', 10);
  const shown = !Number.isNaN(max) && max > 0 ? tickets.slice(0, max) : tickets;
  const queryHref = `${makeHref(call.context, 'query')}?${criteria.map((c) => c.replace(/ /g, '+')).join('&')}`;
  switch (format) {
    case 'count':
      return `<span class="query_count" title="${shown.length} tickets matching ${escapeText(criteria.join('&')).replace(/"/g, '&#34;')}">${shown.length}</span>`;
    case 'compact':
      if (!shown.length) return '<span class="query_no_results">No results</span>';
      return `<span>${shown.map((t) => ticketLink(call, t, `#${t.id}`)).join(', ')}</span>`;
    case 'table': {
      const cols = (options.col ?? QUERY_COLUMNS.join('|')).split('|').filter(Boolean);
      const head = cols.map((c) => `<th>${escapeText(c)}</th>`).join('');
      const body = shown
        .map((t) => {
          const cells = cols.map((c) =>
            c === 'id'
              ? `<td>${ticketLink(call, t, `#${t.id}`)}</td>`
              : c === 'summary'
                ? `<td>${ticketLink(call, t, t.summary)}</td>`
                : `<td>${escapeText(String(t[c] ?? ''))}</td>`,
          );
          return `<tr>${cells.join('')}</tr>`;
        })
        .join('');
      return `<div class="trac-query"><table class="listing tickets"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
    }
    case 'progress': {
      const closed = shown.filter((t) => t.status === 'closed').length;
      const pct = shown.length ? Math.round((closed / shown.length) * 100) : 0;
      return `<div class="trac-progress"><a href="${escapeText(queryHref)}">${closed}/${shown.length} closed (${pct}%)</a><div class="progress" style="width: 100%"><div class="closed" style="width: ${pct}%"></div></div></div>`;
    }
    default: {
      if (!shown.length) return '<span class="query_no_results">No results</span>';
      const items = shown
        .map((t) => `<dt>${ticketLink(call, t, `#${t.id}`)}</dt><dd>${escapeText(t.summary)}</dd>`)
        .join('');
      return `<div><dl class="wiki compact">${items}</dl></div>`;
    }
  }
}

function interWikiTable(call: MacroCall): string {
  const rows = Object.entries(call.env.interWiki)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([prefix, entry]) =>
        `<tr><td>${escapeText(prefix)}</td><td>${escapeText(entry.url)}</td><td>${escapeText(entry.title ?? '')}</td></tr>`,
    )
    .join('');
  return `<table class="wiki interwiki"><tr><th>Prefix</th><th>Site</th><th>Title</th></tr>${rows}</table>`;
}

/** The macros every site has. Features add their own (e.g. learning macros) next to these. */
export const BUILTIN_MACROS: WikiMacro[] = [
  {
    name: 'MacroList',
    description: 'Lists the installed wiki macros with their descriptions.',
    expand: macroList,
  },
  {
    name: 'PageOutline',
    description:
      'Shows a table of contents of the page headings. Arguments: depth range (e.g. `2-3`), title, `inline`.',
    expand: pageOutline,
  },
  {
    name: 'TitleIndex',
    description: 'Lists all wiki pages, optionally those starting with a prefix.',
    expand: titleIndex,
  },
  {
    name: 'RecentChanges',
    description: 'Lists recently changed wiki pages by day. Arguments: prefix, limit.',
    expand: recentChanges,
  },
  {
    name: 'Image',
    description:
      'Embeds an image: an attachment (`file`, `Page:file`, `ticket:1:file`) or a URL, with size and alignment options.',
    isInline: true,
    expand: image,
  },
  {
    name: 'Timestamp',
    description: 'Inserts the current date and time.',
    isInline: true,
    expand: timestamp,
  },
  {
    name: 'TicketQuery',
    description:
      'Lists tickets matching a query. `format=` list, compact, count, table or progress.',
    expand: ticketQuery,
  },
  { name: 'InterWiki', description: 'Lists the InterWiki prefixes.', expand: interWikiTable },
];
