/** Small HTML helpers shared by the formatter, processors and macros. */

const TEXT_SPECIALS = /[&<>]/;
const ATTR_SPECIALS = /[&<>"]/;
/** What encodeURIComponent leaves alone, plus the slash quotePath keeps. */
const UNQUOTED_PATH_RE = /^[A-Za-z0-9\-_.!~*'()/]*$/;

/** Escapes text content: only &, < and > (quotes stay readable, as Trac renders them). */
export function escapeText(text: string): string {
  // Most text has nothing to escape; testing first avoids building a new string.
  if (!TEXT_SPECIALS.test(text)) return text;
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes attribute values and unresolved link text: &, <, > and double quotes. */
export function escapeAttr(text: string): string {
  if (!ATTR_SPECIALS.test(text)) return text;
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#34;',
  );
}

export type Attrs = Record<string, string | number | undefined | null | false>;

/** Renders attributes sorted by name, which keeps output stable whatever order callers use. */
export function renderAttrs(attrs: Attrs): string {
  let out = '';
  const keys = Object.keys(attrs);
  // Callers mostly list attributes in order already; sorting allocates, so check first.
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1]! > keys[i]!) {
      keys.sort();
      break;
    }
  }
  for (const key of keys) {
    const value = attrs[key];
    if (value === undefined || value === null || value === false) continue;
    out += ` ${key}="${escapeAttr(String(value))}"`;
  }
  return out;
}

/** Builds an element whose inner content is already HTML. */
export function element(tag: string, attrs: Attrs, innerHtml = ''): string {
  return `<${tag}${renderAttrs(attrs)}>${innerHtml}</${tag}>`;
}

/** Removes tags and decodes the few entities the formatter produces. */
export function plainText(html: string): string {
  // Without tags or entities there is nothing to remove.
  if (!html.includes('<') && !html.includes('&')) return html;
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** URL-quotes a path segment, keeping / and the characters Trac's href builder leaves alone. */
export function quotePath(text: string): string {
  // Most names hold only characters that stay as they are: skip the copy.
  if (UNQUOTED_PATH_RE.test(text)) return text;
  return encodeURIComponent(text).replace(/%2F/g, '/');
}

/** URL-quotes like Python's quote() with only / safe (used for InterTrac targets). */
export function quoteStrict(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%2F/g, '/');
}

/** Splits a link target into path, ?query and #fragment. */
export function splitUrl(target: string): [string, string, string] {
  let path = target;
  let query = '';
  let fragment = '';
  const hash = path.indexOf('#');
  if (hash >= 0) {
    fragment = path.slice(hash);
    path = path.slice(0, hash);
  }
  const q = path.indexOf('?');
  if (q >= 0) {
    query = path.slice(q);
    path = path.slice(0, q);
  }
  return [path, query, fragment];
}

/** Strips one pair of matching surrounding quotes. */
export function unquoteLabel(text: string): string {
  if (text.length >= 2) {
    const first = text[0];
    if ((first === '"' || first === "'") && text[text.length - 1] === first) {
      return text.slice(1, -1);
    }
  }
  return text;
}

export function systemMessage(messageHtml: string, detailHtml?: string): string {
  const pre = detailHtml ? `<pre>${detailHtml}</pre>` : '';
  return `<div class="system-message"><strong>${messageHtml}</strong>${pre}</div>`;
}
