import { describe, expect, it } from 'vitest';
import {
  createWikiEnvironment,
  createWikiLinkResolver,
  renderWiki,
  type WikiDataProvider,
} from './index';

const context = { realm: 'wiki', id: 'Guide/Start', base: '' };
const pages = [
  { name: 'Guide/Start', time: 1_700_000_000_000_000, author: 'ann', version: 3 },
  { name: 'Guide/Advanced', time: 1_700_100_000_000_000, author: 'bob', version: 1 },
  { name: 'WikiStart', time: 1_600_000_000_000_000, author: 'ann', version: 7 },
];
const tickets = [
  { id: 1, summary: 'Write intro', status: 'closed', type: 'task', owner: 'ann' },
  { id: 2, summary: 'Add <quiz>', status: 'new', type: 'concept', owner: 'bob' },
];
const data: WikiDataProvider = {
  listPages: () => pages,
  recentChanges: () => pages,
  queryTickets: (query) =>
    query.includes('status=new') ? tickets.filter((t) => t.status === 'new') : tickets,
};
const env = createWikiEnvironment({
  data,
  resolvers: {
    wiki: createWikiLinkResolver({ pageExists: (n) => pages.some((p) => p.name === n) }),
  },
  interWiki: { MeatBall: { url: 'http://www.usemod.com/cgi-bin/mb.pl?', title: 'MeatBall' } },
  macros: [
    {
      name: 'Shout',
      description: 'Upper-cases its text.',
      isInline: true,
      expand: (c) => c.content.toUpperCase(),
    },
  ],
});
const page = (text: string) => renderWiki({ text, env, context });

describe('built-in macros', () => {
  it('TitleIndex lists pages under a prefix', () => {
    const html = page('[[TitleIndex(Guide/)]]');
    expect(html).toContain('<a href="/wiki/Guide/Advanced">Guide/Advanced</a>');
    expect(html).not.toContain('WikiStart');
  });

  it('RecentChanges groups pages by day, newest first, with a limit', () => {
    const html = page('[[RecentChanges(,2)]]');
    expect(html.indexOf('Guide/Advanced')).toBeLessThan(html.indexOf('Guide/Start'));
    expect(html).not.toContain('>WikiStart<');
    expect(html).toContain('<h3>2023-11-16</h3>');
  });

  it('TicketQuery renders every format from the data provider', () => {
    expect(page('[[TicketQuery(status=new,format=count)]]')).toContain('>1</span>');
    expect(page('[[TicketQuery(format=compact)]]')).toContain(
      '<a class="closed ticket" href="/ticket/1"',
    );
    expect(page('[[TicketQuery(format=list)]]')).toContain('<dd>Add &lt;quiz&gt;</dd>');
    expect(page('[[TicketQuery(format=table,col=id|owner)]]')).toContain('<td>bob</td>');
    expect(page('[[TicketQuery(format=progress)]]')).toContain('1/2 closed (50%)');
  });

  it('PageOutline lists the headings of the page', () => {
    const html = page('[[PageOutline(2)]]\n= Top =\n== Part one ==\n== Part two ==');
    expect(html).toContain('<a href="#Partone">Part one</a>');
    expect(html).not.toContain('href="#Top"');
  });

  it('PageOutline links to the same ids the page gives repeated headings and anchored macros', () => {
    const env = createWikiEnvironment({
      macros: [
        {
          name: 'Anchored',
          description: 'Takes an anchor, as a macro with its own targets would.',
          isInline: true,
          expand: (c) => `<span id="${c.uniqueAnchor('Notes')}"></span>`,
        },
      ],
    });
    const text = [
      '[[PageOutline]]',
      ...Array.from(
        { length: 4 },
        () => '== Notes ==\nSee [[Anchored]] and [wiki:Other the rest].',
      ),
    ].join('\n');
    const html = renderWiki({ text, env, context });
    const ids = [...html.matchAll(/<h2 class="section" id="([^"]+)"/g)].map((m) => m[1]);
    const hrefs = [...html.matchAll(/<a href="#([^"]+)">Notes<\/a>/g)].map((m) => m[1]);
    expect(ids).toEqual(['Notes', 'Notes2', 'Notes4', 'Notes6']);
    expect(hrefs).toEqual(ids);
  });

  it('Image points at attachments and refuses unsafe URLs', () => {
    expect(page('[[Image(diagram.png, 200px)]]')).toContain(
      'src="/raw-attachment/wiki/Guide/Start/diagram.png"',
    );
    expect(page('[[Image(javascript://alert(1))]]')).toContain('class="system-message"');
  });

  it('MacroList and the Name? shortcut show macro descriptions', () => {
    expect(page('[[Shout?]]')).toContain('<p>\nUpper-cases its text.\n</p>');
    expect(page('[[MacroList]]')).toContain('id="TicketQuery-macro"');
  });

  it('InterWiki lists prefixes and InterWiki links resolve', () => {
    expect(page('[[InterWiki]]')).toContain('<td>MeatBall</td>');
    expect(page('MeatBall:RecentChanges')).toContain(
      'href="http://www.usemod.com/cgi-bin/mb.pl?RecentChanges"',
    );
  });

  it('macros registered by a feature expand, also in one-liners when inline', () => {
    expect(page('say [[Shout(hi)]]')).toContain('say HI');
    expect(renderWiki({ text: 'say [[Shout(hi)]]', env, context, flavour: 'oneliner' })).toBe(
      'say HI',
    );
  });

  it('a macro that fails shows an error message instead of breaking the page', () => {
    expect(page('[[TitleIndex]]')).toContain('Guide/Start');
    const bare = createWikiEnvironment();
    const html = renderWiki({ text: '[[TitleIndex]]', env: bare, context });
    expect(html).toContain('class="system-message"');
  });
});

describe('processors', () => {
  it('highlights code for known languages', () => {
    const html = page('{{{#!python\ndef f():\n    return 1\n}}}');
    expect(html).toContain('<span class="hljs-keyword">def</span>');
  });

  it('renders markdown through CommonMark', () => {
    expect(page('{{{#!markdown\n# Title\n\n*em*\n}}}')).toContain(
      '<h1>Title</h1>\n<p><em>em</em></p>',
    );
  });

  it('reports unknown processors', () => {
    expect(page('{{{#!nosuchthing\nx\n}}}')).toContain('No macro or processor named');
  });
});
