/**
 * The inline grammar of WikiFormatting, as one alternation of named rules.
 * Order matters: at a given position the first rule that matches wins.
 */
export const W = '[\\p{L}\\p{N}_]';
export const LINK_SCHEME = '[a-zA-Z][-a-zA-Z0-9+._]*';
export const QUOTED_STRING = `'[^']+'|"[^"]+"`;
const SHREF_TARGET_FIRST = '[\\p{L}\\p{N}_/?!#@](?<!_)';
const SHREF_TARGET_MIDDLE = '(?:\\|(?=[^|\\s])|[^|<>\\s])';
const SHREF_TARGET_LAST = '[\\p{L}\\p{N}_/=](?<!_)';
export const XML_NAME = '[\\p{L}\\p{N}_:](?<!\\p{N})[\\p{L}\\p{N}_:.-]*?';
const BULLET_CHARS = '\\-*\\u2022';
const PROCESSOR_PARAM_SRC = '[-\\p{L}\\p{N}_]+=(?:".*?"|\'.*?\'|[-,\\p{L}\\p{N}_]+)';
export const EMAIL_PATTERN =
  "[a-zA-Z0-9.'+_-]+@(?:[a-zA-Z0-9_-]+\\.)+[a-zA-Z](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?";

function relativeTarget(sep: string): string {
  return `[/?#][^${sep}\\]]*|\\.\\.?(?:[/?#][^${sep}\\]]*)?`;
}

/**
 * One inline rule. Each is searched on its own, so it can carry cheap pre-checks that never
 * change which rule matches first: a literal every match contains, or a `^` anchor.
 */
export interface InlineRule {
  name: string;
  source: string;
  /** A substring (or pattern) every match contains; text without it cannot match. */
  needs?: string | RegExp;
  /** Anchored with `^`: matches only at the start of the line. */
  atStart?: boolean;
  /**
   * For rules that begin with a run of characters ending at a `pivot` (`user@host`,
   * `scheme:target`): a match can only start at the first `start` character of the `run`
   * just before a pivot, or at a `!` before that, so the search tries only those places
   * instead of every position of every word.
   */
  backscan?: { pivot: string; run: string; start: string };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = `${LETTERS}0123456789`;

export const PRE_RULES: InlineRule[] = [
  { name: 'bolditalic', source: "!?'''''", needs: "'''''" },
  { name: 'bold', source: "!?'''", needs: "'''" },
  { name: 'bold_wc', source: '!?\\*\\*', needs: '**' },
  { name: 'italic', source: "!?''", needs: "''" },
  { name: 'italic_wc', source: '!?//', needs: '//' },
  { name: 'underline', source: '!?__', needs: '__' },
  { name: 'strike', source: '!?~~', needs: '~~' },
  { name: 'subscript', source: '!?,,', needs: ',,' },
  { name: 'superscript', source: '!?\\^', needs: '^' },
  { name: 'inlinecode', source: '!?\\{\\{\\{(?<inline>.*?)\\}\\}\\}', needs: '{{{' },
  { name: 'inlinecode2', source: '!?`(?<inline2>.*?)`', needs: '`' },
];

export const POST_RULES: InlineRule[] = [
  { name: 'linebreak_wc', source: '!?\\\\\\\\', needs: '\\\\' },
  {
    name: 'email',
    source: `!?${EMAIL_PATTERN}`,
    needs: '@',
    backscan: { pivot: '@', run: `${ALNUM}.'+_-`, start: `${ALNUM}.'+_-` },
  },
  {
    name: 'shrefbr',
    source: `!?<(?<snsbr>${LINK_SCHEME}):(?<stgtbr>[^>]+)>`,
    needs: '<',
  },
  // One rule per character, so each can skip text without it (no two can match at one place).
  { name: 'htmlescape', source: '&', needs: '&' },
  { name: 'htmlescape', source: '<', needs: '<' },
  { name: 'htmlescape', source: '>', needs: '>' },
  {
    name: 'shref',
    source: `!?(?<sns>${LINK_SCHEME}):(?<stgt>${LINK_SCHEME}:(?:${QUOTED_STRING})|${QUOTED_STRING}|${SHREF_TARGET_FIRST}(?:${SHREF_TARGET_MIDDLE}*${SHREF_TARGET_LAST})?)`,
    needs: ':',
    backscan: { pivot: ':', run: `${ALNUM}-+._`, start: LETTERS },
  },
  {
    name: 'lhref',
    source: `!?\\[(?:(?<rel>${relativeTarget('\\s')})|(?<lns>${LINK_SCHEME}):(?<ltgt>${LINK_SCHEME}:(?:${QUOTED_STRING})|${QUOTED_STRING}|[^\\]\\s\\u200b]*))(?:[\\s\\u200b]+(?<label>${QUOTED_STRING}|[^\\]]*))?\\]`,
    needs: '[',
  },
  {
    name: 'anchor',
    source: `!?\\[=#(?<anchorname>${XML_NAME})(?:\\s+(?<anchorlabel>[^\\]]*))?\\]`,
    needs: '[=#',
  },
  { name: 'macrolink', source: '!?\\[\\[(?:[^\\]]|\\][^\\]])+\\]\\]', needs: '[[' },
  {
    name: 'heading',
    source: `^\\s*(?<hdepth>={1,6})\\s(?<htext>.*?)(?<hanchor>#${XML_NAME})?\\s*$`,
    needs: '=',
    atStart: true,
  },
  {
    name: 'list',
    source: `^(?<ldepth>\\s*)(?:[${BULLET_CHARS}]|(?<lstart>[0-9]+|[a-zA-Z]|[ivxIVX]{1,5})\\.)\\s`,
    atStart: true,
  },
  {
    name: 'definition',
    source:
      '^\\s+(?<dterm>(?:`[^`]*`|\\{\\{\\{(?:\\}{0,2}[^}])*?\\}\\}\\}|[^`{:]|:[^:])+::)(?:\\s+|$)',
    needs: '::',
    atStart: true,
  },
  {
    name: 'table_row_sep',
    source: `!?\\s*\\|-+\\s*(?<table_row_params>(?:${PROCESSOR_PARAM_SRC}\\s*)*)`,
    needs: '|-',
  },
  { name: 'indent', source: '^(?<idepth>\\s+)(?=\\S)', atStart: true },
  {
    name: 'table_cell',
    source: '!?(?<table_cell_sep>=?(?:\\|\\|)+=?)(?:(?<table_cell_last>\\s*\\\\?$)|)',
    needs: '||',
  },
];

export const PROCESSOR_RE = /^(\s*)#!([\p{L}\p{N}_+-][\p{L}\p{N}_+,\-./]*)/u;
export const STARTBLOCK_RE = /^\s*\{\{\{(?:(\s*)#!([\p{L}\p{N}_+-][\p{L}\p{N}_+,\-./]*)|\s*$)/u;
export const ANCHOR_STRIP_RE = /[^\p{L}\p{N}_:.-]+/gu;
export const MACRO_RE = /^(?<macroname>[\p{L}\p{N}_/+-]+\??|\?)(?:\((?<macroargs>.*?)\))?$/su;
export const CREOLE_LINK_RE = new RegExp(
  `^(?:(?<rel>${relativeTarget('|')})|(?:(?<lns>${LINK_SCHEME}):)?(?<ltgt>${LINK_SCHEME}:(?:${QUOTED_STRING})|${QUOTED_STRING}|[^|]+)?)\\s*(?:\\|(?<label>.*))?$`,
  'su',
);
export const SET_ANCHOR_WC_RE = new RegExp(
  `^=#(?<anchorname>${XML_NAME})(?:\\|\\s*(?<anchorlabel>[^\\]]*))?$`,
  'u',
);

const PARAM_SPLIT_RE = /([-\p{L}\p{N}_]+)=(".*?"|'.*?'|[-,\p{L}\p{N}_]+)/gu;

/** Parses `key=value key2="quoted value" flag -flag` from a processor line. */
export function parseProcessorArgs(text: string): Record<string, string | boolean> {
  const args: Record<string, string | boolean> = {};
  const flags: string[] = [];
  let last = 0;
  for (const m of text.matchAll(PARAM_SPLIT_RE)) {
    flags.push(text.slice(last, m.index));
    last = m.index + m[0].length;
    let value = m[2]!;
    const ends = value[0]! + value[value.length - 1]!;
    if (ends === '""' || ends === "''") value = value.slice(1, -1);
    args[m[1]!] = value;
  }
  flags.push(text.slice(last));
  for (const chunk of flags) {
    for (const flag of chunk.trim().split(/\s+/)) {
      if (!/^[-\p{L}\p{N}_]+$/u.test(flag)) continue;
      if (flag[0] === '-') {
        if (flag.length > 1) args[flag.slice(1)] = false;
      } else {
        args[flag] = true;
      }
    }
  }
  return args;
}

/** Splits macro arguments on unescaped commas into positional and `key=value` arguments. */
export function parseMacroArgs(text: string): { args: string[]; kwargs: Record<string, string> } {
  const args: string[] = [];
  const kwargs: Record<string, string> = {};
  if (!text) return { args, kwargs };
  for (const raw of text.split(/(?<!\\),/)) {
    const arg = raw.replace(/\\,/g, ',');
    const m = /^\s*[a-zA-Z_][\p{L}\p{N}_]+=/u.exec(arg);
    if (m) kwargs[arg.slice(0, m[0].length - 1).trim()] = arg.slice(m[0].length);
    else args.push(arg);
  }
  return { args, kwargs };
}
