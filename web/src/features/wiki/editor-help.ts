/** The cheat sheet beside the editor, itself wiki text: each row shows markup and its result. */
export const EDITOR_HELP = `=== Formatting help
||= You type =||= You get =||
|| {{{'''bold'''}}}, {{{''italic''}}} || '''bold''', ''italic'' ||
|| ${'`{{{monospace}}}`'} || {{{monospace}}} ||
|| {{{~~strike~~}}}, {{{^sup^}}}, {{{,,sub,,}}} || ~~strike~~, ^sup^, ,,sub,, ||
|| {{{== Heading ==}}} || a second-level heading ||
|| {{{ * item}}} (space first) || a bulleted list ||
|| {{{ 1. step}}} || a numbered list ||
|| {{{ term:: definition}}} || a definition list ||
|| {{{WikiPageName}}}, {{{[wiki:Page label]}}} || WikiPageName, a labelled page link ||
|| {{{#1}}}, {{{ticket:1}}}, ${'`{1}`'} || a ticket link, a report link ||
|| {{{milestone:name}}}, {{{query:status=new}}} || milestone and query links ||
|| {{{[https://example.org Example]}}} || [https://example.org Example] ||
|| {{{[[Image(file.png)]]}}} || an attached image ||
|| {{{[[PageOutline]]}}}, {{{[[TitleIndex]]}}} || contents, page index ||
|| {{{!WikiPageName}}} || !WikiPageName (no link) ||
|| {{{[[BR]]}}} || a line break ||
|| ${'`{{{`'} and ${'`}}}`'} on lines of their own || a preformatted block ||
Tables are rows of cells between {{{||}}} marks. See [wiki:WikiFormatting] and [wiki:TracLinks] for everything.
`;
