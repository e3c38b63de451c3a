import type { SanitizeOptions } from './sanitize';

/** What a link resolver receives: the namespace, the target and the label (already HTML). */
export interface LinkRequest {
  ns: string;
  target: string;
  labelHtml: string;
  /** The raw wiki text of the link, for resolvers that fall back to plain text. */
  match: string;
  env: WikiEnvironment;
  context: RenderContext;
}

/** Resolves one namespace of TracLinks (`ticket:`, `milestone:`, ...) to HTML. */
export type LinkResolver = (request: LinkRequest) => string;

/** Extra inline syntax (e.g. `#123` for tickets), mapped to a namespace's resolver. */
export interface SyntaxRule {
  /** A regular-expression source without capturing-group names. */
  pattern: string;
  /** A substring or pattern every match contains, if any: text without it skips the search. */
  needs?: string | RegExp;
  /** Produces the HTML for a match. */
  render: (match: string, env: WikiEnvironment, context: RenderContext) => string;
}

/** The call a macro or processor receives. */
export interface MacroCall {
  name: string;
  /** Text between the parentheses of `[[Name(...)]]`, or the body of a `{{{#!Name}}}` block. */
  content: string;
  /** Processor arguments from the `#!Name key=value` line; null when called as a macro. */
  args: Record<string, string | boolean> | null;
  env: WikiEnvironment;
  context: RenderContext;
  /** Renders wiki text as a page fragment or a one-liner in the same context. */
  formatPage: (text: string) => string;
  formatOneliner: (text: string) => string;
  /** Returns an id unique within the current rendering, based on `base`. */
  uniqueAnchor: (base: string) => string;
  /** The whole text being rendered (PageOutline reads its headings). */
  source: string;
}

export interface WikiMacro {
  name: string;
  /** Wiki text describing the macro (shown by `[[MacroList]]`). */
  description: string;
  /** Whether the output is inline (so it also renders in one-liners). */
  isInline?: boolean | ((content: string | null) => boolean);
  /** Returns HTML. Throw MacroError/ProcessorError for a user-facing message. */
  expand: (call: MacroCall) => string | null | undefined;
}

/** Raised by a macro to show a message (HTML) instead of its output. */
export class MacroError extends Error {
  constructor(public readonly html: string) {
    super(html);
    this.name = 'MacroError';
  }
}

/** Raised by a processor to show a message (HTML) instead of its output. */
export class ProcessorError extends Error {
  constructor(public readonly html: string) {
    super(html);
    this.name = 'ProcessorError';
  }
}

export interface InterTracEntry {
  url?: string;
  title?: string;
  /** Another prefix this one stands for (e.g. `t` -> `trac`). */
  alias?: string;
}

export interface InterWikiEntry {
  /** URL; `$1`..`$9` are replaced by the target's `:`-separated parts, else the target is appended. */
  url: string;
  title?: string;
}

/** Where the text is rendered: the resource it belongs to and the site root. */
export interface RenderContext {
  realm: string;
  id: string;
  /** Site root without trailing slash ('' for '/'). */
  base: string;
}

/** Data for the macros that list things; implemented by the features that own the data. */
export interface WikiDataProvider {
  listPages?: () => readonly { name: string; time: number }[];
  recentChanges?: () => readonly { name: string; time: number; author: string; version: number }[];
  queryTickets?: (query: string) => readonly TicketSummary[];
}

export interface TicketSummary {
  id: number;
  summary: string;
  status: string;
  type?: string;
  owner?: string;
  priority?: string;
  milestone?: string;
  component?: string;
  resolution?: string;
  [field: string]: string | number | undefined;
}

export interface WikiEnvironment {
  resolvers: ReadonlyMap<string, LinkResolver>;
  syntax: readonly SyntaxRule[];
  macros: ReadonlyMap<string, WikiMacro>;
  interTrac: Readonly<Record<string, InterTracEntry>>;
  interWiki: Readonly<Record<string, InterWikiEntry>>;
  sanitize: SanitizeOptions;
  /** Absolute URL of this site; links to it are not marked external. */
  localUrl: string;
  /** Syntax-highlight code blocks (off gives plain text, as the conformance data expects). */
  highlight: boolean;
  data: WikiDataProvider;
}
