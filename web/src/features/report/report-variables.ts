import { AppError } from '@/core/errors/app-error';

/** Report SQL with its `$NAME` variables turned into positional parameters. */
export interface BoundReportSql {
  text: string;
  values: string[];
  /** The variables the SQL uses, in order of first use. */
  names: string[];
}

/** Names of the variables a report's SQL uses (`$USER`, `$MILESTONE`, ...). */
export function listReportVariables(sql: string): string[] {
  return bindReportVariables(sql, (name) => name).names;
}

/**
 * Replaces each `$NAME` (upper-case, as Trac spells dynamic variables) with a parameter `$n`,
 * so a value can never change the SQL. Names inside string literals, quoted identifiers and
 * comments are left alone, as are PostgreSQL's own `$1` and `$$`. A variable without a value
 * is a ReportError naming it.
 */
export function bindReportVariables(
  sql: string,
  lookup: (name: string) => string | undefined,
): BoundReportSql {
  const values: string[] = [];
  const names: string[] = [];
  const positions = new Map<string, number>();
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const rest = sql.slice(i);
    const skip = /^'(?:[^']|'')*'?|^"(?:[^"]|"")*"?|^--[^\n]*|^\/\*[\s\S]*?(?:\*\/|$)/.exec(rest);
    if (skip && (c === "'" || c === '"' || c === '-' || c === '/')) {
      out += skip[0];
      i += skip[0].length;
      continue;
    }
    const dollarQuote = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(rest);
    if (dollarQuote) {
      // A dollar-quoted string: copied whole, up to its closing tag.
      const end = sql.indexOf(dollarQuote[0], i + dollarQuote[0].length);
      const stop = end < 0 ? sql.length : end + dollarQuote[0].length;
      out += sql.slice(i, stop);
      i = stop;
      continue;
    }
    const variable = /^\$([A-Z_][A-Z0-9_]*)/.exec(rest);
    if (variable?.[1]) {
      const name = variable[1];
      let position = positions.get(name);
      if (position === undefined) {
        const value = lookup(name);
        if (value === undefined) {
          throw new AppError(
            'INVALID_INPUT',
            `The report needs a value for $${name}: add ${name}=... to the URL.`,
          );
        }
        values.push(value);
        names.push(name);
        position = values.length;
        positions.set(name, position);
      }
      out += `$${position}`;
      i += variable[0].length;
      continue;
    }
    out += c;
    i += 1;
  }
  return { text: out, values, names };
}
