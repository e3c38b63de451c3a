import type { DbOrTransaction } from '../client/db.js';

export type HelpPage = { name: string; text: string; readonly?: boolean };

/** The wiki pages a new site starts with: a welcome, formatting and link help, templates. */
export const HELP_PAGES: HelpPage[] = [
  {
    name: 'WikiStart',
    text: `= Welcome to LearnTrac =
[[PageOutline(2-3, Contents)]]
LearnTrac keeps a project's tickets, its wiki and its learning paths in one place. This page is the wiki's front door: edit it to say what your site is for.

== Getting around ==
 * '''View Tickets''' lists open work; [query:status!=closed the query page] filters it any way you like.
 * '''Roadmap''' shows milestones and how far along each one is.
 * '''Timeline''' shows what changed, day by day.
 * '''Learning''' holds the learning paths built from concept tickets.

== Help pages ==
 * WikiFormatting: how to write wiki text.
 * TracLinks: linking tickets, pages, milestones and more.
 * LearningPaths: a guide to learning with LearnTrac.
 * TitleIndex lists every page; RecentChanges the latest edits.
`,
  },
  {
    name: 'WikiFormatting',
    text: `= Wiki formatting =
[[PageOutline(2-3, Contents)]]
Wiki text is plain text with a few conventions. Pages, ticket descriptions and comments all use it.

== Text styles ==
||= Write =||= To get =||
|| {{{'''bold'''}}} || '''bold''' ||
|| {{{''italic''}}} || ''italic'' ||
|| {{{'''''both'''''}}} || '''''both''''' ||
|| {{{__underline__}}} || __underline__ ||
|| {{{{{{code}}}}}} or {{{\`code\`}}} || {{{code}}} ||
|| {{{~~deleted~~}}} || ~~deleted~~ ||
|| {{{^super^}}} and {{{,,sub,,}}} || ^super^ and ,,sub,, ||

== Headings ==
Start a line with one to six {{{=}}} signs, and optionally end it with the same number. Add {{{#name}}} after the heading to choose its anchor.
{{{
= Page title =
== Section ==
=== Subsection === #custom-anchor
}}}

== Paragraphs and line breaks ==
A blank line starts a new paragraph. {{{[[BR]]}}} or a backslash pair {{{\\\\}}} breaks a line inside one.

== Lists ==
Indent list items by at least one space:
{{{
 * a bullet
   * a nested bullet
 1. numbered
 a. lettered
 i. roman numerals
}}}
 * a bullet
   * a nested bullet
 1. numbered

== Definition lists ==
{{{
 term:: what it means
}}}
 term:: what it means

== Quotes ==
Indent a paragraph to quote it; start lines with {{{>}}} to cite an earlier message.
> Quoted text, as in an e-mail reply.

== Preformatted text and code ==
Wrap blocks in triple braces. Name a language after {{{#!}}} to colour it:
{{{
{{{#!python
def hello():
    return "world"
}}}
}}}
{{{#!python
def hello():
    return "world"
}}}

== Tables ==
{{{
||= Heading =||= Another =||
|| cell      ||  centred  ||
}}}
||= Heading =||= Another =||
|| cell      ||  centred  ||

== Links ==
CamelCase words such as WikiFormatting link to pages. See TracLinks for every kind of link. Put {{{!}}} before a word to stop it becoming a link: !NotALink.

== Images ==
{{{[[Image(diagram.png)]]}}} shows an image attached to the page; {{{[[Image(diagram.png, 50%)]]}}} scales it.

== Macros ==
 * {{{[[PageOutline]]}}}: a table of contents.
 * {{{[[TitleIndex]]}}}: every page, or those under a prefix.
 * {{{[[RecentChanges]]}}}: recently edited pages.
 * {{{[[TicketQuery(status=new, format=table)]]}}}: tickets matching a query.
 * {{{[[MacroList]]}}}: every macro, with help.

== Processors ==
{{{#!div style="border: 1px solid #ccc; padding: 0.5em"
A {{{#!div}}} block groups text in a box; {{{#!markdown}}} accepts Markdown; {{{#!comment}}} hides notes from readers.
}}}
`,
  },
  {
    name: 'TracLinks',
    text: `= Links between things =
Anything in LearnTrac can link to anything else, in wiki pages, tickets and commit-style messages alike.

||= Write =||= Links to =||
|| {{{#1}}} or {{{ticket:1}}} || ticket 1 ||
|| {{{ticket:1#comment:2}}} or {{{comment:2:ticket:1}}} || a comment on a ticket ||
|| {{{{1}}}} or {{{report:1}}} || a report ||
|| {{{milestone:name}}} || a milestone ||
|| {{{WikiStart}}}, {{{wiki:WikiStart}}} || a wiki page ||
|| {{{wiki:WikiStart@2}}} || an old version of a page ||
|| {{{query:status=new&owner=$USER}}} || a ticket query ||
|| {{{search:graphs}}} || search results ||
|| {{{timeline:2025-01-31}}} || the timeline on a date ||
|| {{{attachment:notes.txt}}} || a file attached to this page ||
|| {{{attachment:notes.txt:ticket:1}}} || a file attached to ticket 1 ||
|| {{{Wikipedia:Graph_theory}}} || another site, through an InterMapTxt prefix ||

== Labels ==
Give any link a label in brackets: {{{[ticket:1 the first ticket]}}}, {{{[wiki:WikiStart home]}}}, or {{{[[WikiStart|home]]}}}.

== How links look ==
Links to closed tickets are struck through; links to pages, tickets or milestones that do not exist are greyed out and end with a question mark, so you can see at a glance what still needs writing.

== Hierarchical pages ==
Page names may have parts: {{{Course/Week1}}}. Inside {{{Course/Week1}}}, {{{[wiki:Week2]}}} finds {{{Course/Week2}}} first, and {{{[wiki:../Syllabus]}}} goes up a level.
`,
  },
  {
    name: 'LearningPaths',
    text: `= Learning with LearnTrac =
A learning path is an ordered set of ''concepts''. Each concept is a ticket of type {{{concept}}}, so it has a description, comments and a history like any other ticket.

== For learners ==
 1. Open '''Learning''' and choose a published path.
 1. Start with the concepts whose prerequisites you have mastered; the others open as you go.
 1. Answer the questions for a concept. Your answers are graded and your progress saved; only you and your instructors see them.
 1. Concepts you have mastered come back for review from time to time, so they stay fresh.

== For instructors ==
 1. Upload course material in '''Learning'''; it is split into passages that questions are drawn from.
 1. Create concept tickets and link them with prerequisites. A prerequisite that would make a loop is refused.
 1. Review generated questions before learners see them.
 1. Follow the class's progress per concept.

== Writing about concepts ==
Link to a concept like any ticket: {{{#12}}}. See TracLinks.
`,
  },
  {
    name: 'LearnTrac',
    text: `= About LearnTrac =
LearnTrac is an issue tracker in the tradition of Trac, with learning paths built in. Its tickets, wiki, roadmap, timeline and reports work as Trac's do, and its database uses Trac's tables, so a Trac site's pages and tickets can move here unchanged.

What it adds:
 * ''concept'' tickets with prerequisites, arranged into learning paths (see LearningPaths);
 * questions drawn from uploaded course material, graded answers and spaced review;
 * roles for admins, instructors and learners, signed in through the organisation's accounts.
`,
  },
  {
    name: 'TitleIndex',
    text: `= Index of pages =
[[TitleIndex]]
`,
  },
  {
    name: 'RecentChanges',
    text: `= Recently changed pages =
[[RecentChanges]]
`,
  },
  {
    name: 'InterMapTxt',
    readonly: true,
    text: `= InterWiki prefixes =
Each line below defines a prefix: {{{Prefix:Target}}} in wiki text links to the URL with the target put in place of {{{$1}}} (or appended). Only wiki admins may change this page.

{{{
Wikipedia  https://en.wikipedia.org/wiki/   # Wikipedia article $1
MDN        https://developer.mozilla.org/en-US/search?q=  # MDN search for $1
PyPI       https://pypi.org/project/$1/     # Python package $1
npm        https://www.npmjs.com/package/$1  # npm package $1
RFC        https://www.rfc-editor.org/rfc/rfc$1  # RFC $1
}}}

[[InterWiki]]
`,
  },
  {
    name: 'PageTemplates/Lesson',
    text: `= Lesson: (title) =
'''Concept:''' #(ticket) · '''Path:''' (path name)

== Goals ==
 * 

== Before you start ==
Prerequisites: 

== Material ==

== Check yourself ==
 1. 
`,
  },
  {
    name: 'PageTemplates/MeetingNotes',
    text: `= Meeting notes: (date) =
'''Present:''' 

== Agenda ==
 1. 

== Decisions ==

== Actions ==
||= Who =||= What =||= Ticket =||
|| || || ||
`,
  },
];

/** Writes each help page as version 1 unless a page of that name already exists. */
export async function seedHelpPages(options: { db: DbOrTransaction; time: bigint }) {
  for (const page of HELP_PAGES) {
    const existing = await options.db.wiki.findFirst({ where: { name: page.name } });
    if (existing) continue;
    await options.db.wiki.create({
      data: {
        name: page.name,
        version: 1,
        time: options.time,
        author: 'trac',
        text: page.text,
        comment: 'Help page for new sites',
        readonly: page.readonly ? 1 : 0,
      },
    });
  }
}
