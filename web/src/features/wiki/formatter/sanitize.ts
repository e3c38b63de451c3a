import sanitizeHtmlLibrary from 'sanitize-html';

/** Elements allowed in user-supplied HTML (`#!html`, `[[html()]]`, `#!markdown`). */
const SAFE_TAGS = [
  'a',
  'abbr',
  'acronym',
  'address',
  'area',
  'b',
  'bdo',
  'big',
  'blockquote',
  'br',
  'button',
  'caption',
  'center',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'dfn',
  'dir',
  'div',
  'dl',
  'dt',
  'em',
  'fieldset',
  'font',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'label',
  'legend',
  'li',
  'map',
  'menu',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'tt',
  'u',
  'ul',
  'var',
];

/** Attributes allowed on any element; event handlers and the like never are. */
export const SAFE_ATTRS = [
  'abbr',
  'accept',
  'accept-charset',
  'accesskey',
  'action',
  'align',
  'alt',
  'axis',
  'bgcolor',
  'border',
  'cellpadding',
  'cellspacing',
  'char',
  'charoff',
  'charset',
  'checked',
  'cite',
  'class',
  'clear',
  'color',
  'cols',
  'colspan',
  'compact',
  'coords',
  'crossorigin',
  'datetime',
  'dir',
  'disabled',
  'enctype',
  'for',
  'frame',
  'headers',
  'height',
  'href',
  'hreflang',
  'hspace',
  'id',
  'ismap',
  'label',
  'lang',
  'longdesc',
  'maxlength',
  'media',
  'method',
  'multiple',
  'name',
  'nohref',
  'noshade',
  'nowrap',
  'prompt',
  'readonly',
  'rel',
  'rev',
  'rows',
  'rowspan',
  'rules',
  'scope',
  'selected',
  'shape',
  'size',
  'span',
  'src',
  'start',
  'style',
  'summary',
  'tabindex',
  'target',
  'title',
  'type',
  'usemap',
  'valign',
  'value',
  'vspace',
  'width',
];
const SAFE_ATTR_SET = new Set(SAFE_ATTRS);
const URI_ATTRS = new Set(['href', 'src', 'action', 'longdesc', 'cite', 'usemap']);

export interface SanitizeOptions {
  /** Lower-case URL schemes that may appear in links and resources. */
  safeSchemes: ReadonlySet<string>;
  /** Origins (e.g. `https://cdn.example.org`) whose images and CSS resources may load. */
  safeOrigins?: readonly string[];
}

function schemeOf(url: string): string | null {
  const m = /^([a-zA-Z][-a-zA-Z0-9+._]*):/.exec(url.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/** A URL is safe when relative, or its scheme is on the safe list. */
export function isSafeUrl(url: string, options: SanitizeOptions): boolean {
  // Control characters and whitespace can hide a scheme from naive checks ("java\tscript:").
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = schemeOf(cleaned);
  if (scheme === null) return !/^[a-z0-9+.-]*&#/i.test(cleaned);
  return options.safeSchemes.has(scheme);
}

/** Cross-origin resources (absolute or protocol-relative) may load only from safe origins. */
function isSameOriginResource(url: string, options: SanitizeOptions): boolean {
  const u = url.trim();
  if (u.startsWith('//') || /^[a-zA-Z][-a-zA-Z0-9+._]*:\/\//.test(u)) {
    return (options.safeOrigins ?? []).some((origin) => u.startsWith(origin));
  }
  if (/^data:/i.test(u)) return true;
  return schemeOf(u) === null;
}

/** Keeps only harmless CSS declarations; joins them with "; " as Trac does. */
export function sanitizeCss(css: string, options: SanitizeOptions): string {
  const decls: string[] = [];
  const text = css.replace(/\/\*.*?\*\//gs, '');
  for (const raw of text.split(';')) {
    const decl = raw.trim();
    if (!decl) continue;
    if (/expression|behavior|-moz-binding|javascript:|@import|\\/i.test(decl)) continue;
    if (!/^-?[a-zA-Z][-a-zA-Z]*\s*:/.test(decl)) continue;
    let safe = true;
    for (const m of decl.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)) {
      const url = m[2]!;
      if (!isSafeUrl(url, options) || !isSameOriginResource(url, options)) safe = false;
    }
    if (safe) decls.push(decl);
  }
  return decls.join('; ');
}

/** Filters attributes given to processor elements (`#!div class=... style=...`). */
export function sanitizeAttributes(
  attrs: Record<string, string | boolean>,
  options: SanitizeOptions,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(attrs)) {
    const name = key.toLowerCase();
    if (!SAFE_ATTR_SET.has(name) || value === false) continue;
    let v = value === true ? name : value;
    if (URI_ATTRS.has(name) && !isSafeUrl(v, options)) continue;
    if (name === 'style') {
      v = sanitizeCss(v, options);
      if (!v) continue;
    }
    out[name] = v;
  }
  return out;
}

/** Allowlist sanitiser for HTML fragments. Scripts, handlers and unsafe URLs are removed. */
export function sanitizeHtml(html: string, options: SanitizeOptions): string {
  const allowedAttributes: Record<string, string[]> = { '*': SAFE_ATTRS };
  const cleaned = sanitizeHtmlLibrary(html, {
    allowedTags: SAFE_TAGS,
    allowedAttributes,
    allowedSchemes: [...options.safeSchemes],
    allowedSchemesAppliedToAttributes: [...URI_ATTRS],
    allowProtocolRelative: true,
    parseStyleAttributes: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      '*': (tagName, attribs) => {
        const next: Record<string, string> = {};
        const keys = Object.keys(attribs);
        if (tagName === 'img' && attribs.src && !isSameOriginResource(attribs.src, options)) {
          keys.push('crossorigin');
        }
        for (const key of keys.sort()) {
          if (key === 'crossorigin') {
            next[key] = 'anonymous';
          } else if (key === 'style') {
            const css = sanitizeCss(attribs[key]!, options);
            if (css) next[key] = css;
          } else {
            next[key] = attribs[key]!;
          }
        }
        return { tagName, attribs: next };
      },
    },
  });
  // The library writes XHTML-style " />"; Trac writes "/>".
  return cleaned.replace(/ \/>/g, '/>');
}
