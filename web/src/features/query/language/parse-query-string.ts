import type { QueryField } from './query-fields';
import {
  createQuery,
  type MatchMode,
  operatorPrefix,
  type Query,
  type QueryConstraint,
} from './query-model';
import {
  addConstraint,
  applyOption,
  checkConstraint,
  checkFieldName,
  describe,
  fieldLookup,
  isOptionName,
  readOperator,
} from './query-parts';
import { QuerySyntaxError } from './query-syntax-error';

export interface ParseQueryOptions {
  /** When given, a field not in this list is an error at parse time (it always is in SQL). */
  fields?: readonly QueryField[];
}

interface Piece {
  text: string;
  start: number;
}

/** Splits on `separator` where it is not escaped by a backslash; pieces keep their escapes. */
function splitUnescaped(text: string, start: number, separator: string): Piece[] {
  const pieces: Piece[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === separator) {
      pieces.push({ text: text.slice(from, i), start: start + from });
      from = i + 1;
    }
  }
  pieces.push({ text: text.slice(from), start: start + from });
  return pieces;
}

/**
 * Removes escapes: `\&`, `\|` and `\\` stand for the character itself, and a value that starts
 * with `\!`, `\~`, `\^` or `\$` starts with that character rather than an operator. Other
 * backslashes are kept, as Trac keeps them.
 */
function unescapeValue(raw: string): { text: string; literalLead: boolean } {
  let text = '';
  let literalLead = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    const next = raw[i + 1];
    if (c === '\\' && next !== undefined) {
      if ('\\&|'.includes(next)) {
        text += next;
        i++;
        continue;
      }
      if (i === 0 && '!~^$'.includes(next)) {
        text += next;
        literalLead = true;
        i++;
        continue;
      }
    }
    text += c;
  }
  return { text, literalLead };
}

const leftSide = /^([^!~^$]*?)\s*(!?)([~^$]?)$/;

/**
 * Parses Trac's query string: `status!=closed&owner=$USER&order=priority`, alternatives with
 * `|`, `or` between groups, `\` escaping `&`, `|` and `\`. Throws QuerySyntaxError on bad input.
 */
export function parseQueryString(text: string, options: ParseQueryOptions = {}): Query {
  const fields = fieldLookup(options.fields);
  const query = createQuery();
  const groups: QueryConstraint[][] = [[]];

  for (const clause of splitUnescaped(text, 0, '&')) {
    const trimmed = clause.text.trim();
    if (trimmed === '') continue;
    const start = clause.start + clause.text.indexOf(trimmed[0] ?? '');
    if (trimmed === 'or') {
      groups.push([]);
      continue;
    }
    const equals = clause.text.indexOf('=');
    if (equals < 0) {
      throw new QuerySyntaxError(
        `'${trimmed}' at character ${start + 1} has no '=': write field=value, e.g. status=new`,
        { position: start },
      );
    }
    const left = leftSide.exec(clause.text.slice(0, equals).trim());
    const origin = { position: start };
    if (!left) {
      throw new QuerySyntaxError(
        `'${clause.text.slice(0, equals + 1).trim()}'${describe(origin)} is not an operator: ` +
          'use =, ~=, ^=, $= or !=, !~=, !^=, !$=',
        origin,
      );
    }
    const [, rawName = '', bang = '', modeChar = ''] = left;
    const values = splitUnescaped(clause.text.slice(equals + 1), clause.start + equals + 1, '|');

    if (isOptionName(rawName)) {
      if (bang || modeChar) {
        throw new QuerySyntaxError(
          `'${rawName}' takes a plain '=', not '${bang}${modeChar}='${describe(origin)}`,
          {
            ...origin,
            field: rawName,
          },
        );
      }
      const plain = values.map((v) => unescapeValue(v.text).text);
      applyOption(query, rawName, plain, fields, origin);
      continue;
    }

    const field = checkFieldName(rawName, fields, origin);
    let operator: { mode: MatchMode; negate: boolean } | undefined;
    const parsed: string[] = [];
    for (const piece of values) {
      const { text: valueText, literalLead } = unescapeValue(piece.text);
      const value = readOperator(`${bang}${modeChar}`, valueText, literalLead);
      if (operator && (operator.mode !== value.mode || operator.negate !== value.negate)) {
        const first = `${operatorPrefix(operator.mode, operator.negate)}=`;
        const other = `${operatorPrefix(value.mode, value.negate)}=`;
        throw new QuerySyntaxError(
          `The values of '${field}' mix ${first} and ${other}${describe({ position: piece.start })}: ` +
            'all alternatives of one filter use the same operator',
          { position: piece.start, field },
        );
      }
      operator ??= value;
      parsed.push(value.value);
    }
    const constraint: QueryConstraint = {
      field,
      mode: operator?.mode ?? 'is',
      negate: operator?.negate ?? false,
      values: parsed,
    };
    checkConstraint(constraint, fields, origin);
    addConstraint(groups[groups.length - 1] ?? [], constraint, origin);
  }

  query.groups = groups.filter((group) => group.length > 0);
  return query;
}
