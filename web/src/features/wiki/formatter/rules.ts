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

export const PRE_RULES: [string, string][] = [
  ['bolditalic', "!?'''''"],
  ['bold', "!?'''"],
  ['bold_wc', '!?\\*\\*'],
  ['italic', "!?''"],
  ['italic_wc', '!?//'],
  ['underline', '!?__'],
  ['strike', '!?~~'],
  ['subscript', '!?,,'],
  ['superscript', '!?\\^'],
  ['inlinecode', '!?\\{\\{\\{(?<inline>.*?)\\}\\}\\}'],
  ['inlinecode2', '!?`(?<inline2>.*?)`'],
];

export const POST_RULES: [string, string][] = [
  ['linebreak_wc', '!?\\\\\\\\'],
  ['email', `!?${EMAIL_PATTERN}`],
  ['shrefbr', `!?<(?<snsbr>${LINK_SCHEME}):(?<stgtbr>[^>]+)>`],
  ['htmlescape', '[&<>]'],
  [
    'shref',
    `!?(?<sns>${LINK_SCHEME}):(?<stgt>${LINK_SCHEME}:(?:${QUOTED_STRING})|${QUOTED_STRING}|${SHREF_TARGET_FIRST}(?:${SHREF_TARGET_MIDDLE}*${SHREF_TARGET_LAST})?)`,
  ],
  [
    'lhref',
    `!?\\[(?:(?<rel>${relativeTarget('\\s')})|(?<lns>${LINK_SCHEME}):(?<ltgt>${LINK_SCHEME}:(?:${QUOTED_STRING})|${QUOTED_STRING}|[^\\]\\s\\u200b]*))(?:[\\s\\u200b]+(?<label>${QUOTED_STRING}|[^\\]]*))?\\]`,
  ],
  ['anchor', `!?\\[=#(?<anchorname>${XML_NAME})(?:\\s+(?<anchorlabel>[^\\]]*))?\\]`],
  ['macrolink', '!?\\[\\[(?:[^\\]]|\\][^\\]])+\\]\\]'],
  ['heading', `^\\s*(?<hdepth>={1,6})\\s(?<htext>.*?)(?<hanchor>#${XML_NAME})?\\s*$`],
  ['list', `^(?<ldepth>\\s*)(?:[${BULLET_CHARS}]|(?<lstart>[0-9]+|[a-zA-Z]|[ivxIVX]{1,5})\\.)\\s`],
  [
    'definition',
    '^\\s+(?<dterm>(?:`[^`]*`|\\{\\{\\{(?:\\}{0,2}[^}])*?\\}\\}\\}|[^`{:]|:[^:])+::)(?:\\s+|$)',
  ],
  ['table_row_sep', `!?\\s*\\|-+\\s*(?<table_row_params>(?:${PROCESSOR_PARAM_SRC}\\s*)*)`],
  ['indent', '^(?<idepth>\\s+)(?=\\S)'],
  ['table_cell', '!?(?<table_cell_sep>=?(?:\\|\\|)+=?)(?:(?<table_cell_last>\\s*\\\\?$)|)'],
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
