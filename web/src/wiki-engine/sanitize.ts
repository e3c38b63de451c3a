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

/**
 * Schemes that run code or carry a whole document of their own: never a link or resource,
 * whatever the site's safe list says. (Images may still be inline `data:` pictures.)
 */
const NEVER_SAFE_SCHEMES = new Set(['javascript', 'vbscript', 'livescript', 'mocha', 'data']);

/** A raster picture written into the page; never SVG, which can carry script. */
const DATA_IMAGE = /^data:image\/(png|gif|jpeg|webp)[;,]/i;

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const cleanUrl = (url: string) => url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');

/** A URL is safe when relative, or its scheme is on the safe list and never dangerous. */
export function isSafeUrl(url: string, options: SanitizeOptions): boolean {
  // Control characters and whitespace can hide a scheme from naive checks ("java\tscript:").
  const cleaned = cleanUrl(url);
  const scheme = schemeOf(cleaned);
  if (scheme === null) return !/^[a-z0-9+.-]*&#/i.test(cleaned);
  return options.safeSchemes.has(scheme) && !NEVER_SAFE_SCHEMES.has(scheme);
}

/** An image source: a safe URL, or an inline raster picture. */
function isSafeImageSource(url: string, options: SanitizeOptions): boolean {
  return isSafeUrl(url, options) || DATA_IMAGE.test(cleanUrl(url));
}

/** Cross-origin resources (absolute or protocol-relative) may load only from safe origins. */
function isSameOriginResource(url: string, options: SanitizeOptions): boolean {
  const u = url.trim();
  if (u.startsWith('//') || /^[a-zA-Z][-a-zA-Z0-9+._]*:\/\//.test(u)) {
    return (options.safeOrigins ?? []).some((origin) => u.startsWith(origin));
  }
  if (DATA_IMAGE.test(cleanUrl(u))) return true;
  return schemeOf(u) === null;
}

/**
 * CSS properties wiki HTML may use: colours, type, boxes, borders, lists and tables. Nothing
 * that takes an element out of the content's flow (position other than static or relative,
 * offsets, z-index, transforms) or draws outside it, so a page cannot lay a fake sign-in box or
 * link over the site's own header and navigation.
 */
const SAFE_CSS_PROPERTIES = new Set([
  'background',
  'background-color',
  'background-image',
  'background-position',
  'background-repeat',
  'border',
  'border-bottom',
  'border-collapse',
  'border-color',
  'border-left',
  'border-radius',
  'border-right',
  'border-spacing',
  'border-style',
  'border-top',
  'border-width',
  'caption-side',
  'clear',
  'color',
  'direction',
  'display',
  'empty-cells',
  'float',
  'font',
  'font-family',
  'font-size',
  'font-style',
  'font-variant',
  'font-weight',
  'height',
  'letter-spacing',
  'line-height',
  'list-style',
  'list-style-position',
  'list-style-type',
  'margin',
  'margin-bottom',
  'margin-left',
  'margin-right',
  'margin-top',
  'max-height',
  'max-width',
  'min-height',
  'min-width',
  'opacity',
  'overflow',
  'padding',
  'padding-bottom',
  'padding-left',
  'padding-right',
  'padding-top',
  'position',
  'table-layout',
  'text-align',
  'text-decoration',
  'text-indent',
  'text-transform',
  'vertical-align',
  'visibility',
  'white-space',
  'width',
  'word-spacing',
  'word-wrap',
]);

/** Whether one `name: value` declaration may stay. */
function isSafeDeclaration(name: string, value: string): boolean {
  if (!SAFE_CSS_PROPERTIES.has(name)) return false;
  // Only the positions that keep an element in the flow of the text around it.
  if (name === 'position') return /^(static|relative)$/i.test(value);
  // A negative margin or indent pulls content over what is around it, such as the site header.
  if ((name.startsWith('margin') || name === 'text-indent') && /(^|[\s(,])-/.test(value)) {
    return false;
  }
  // Nothing that evaluates, loads other style sheets, or escapes past these checks.
  return !/expression|behavior|-moz-binding|javascript:|vbscript:|@import|\\|attr\(|var\(/i.test(
    value,
  );
}

/** Keeps only harmless CSS declarations; joins them with "; " as Trac does. */
export function sanitizeCss(css: string, options: SanitizeOptions): string {
  const decls: string[] = [];
  const text = css.replace(/\/\*.*?\*\//gs, '');
  for (const raw of text.split(';')) {
    const decl = raw.trim();
    const match = /^(-?[a-zA-Z][-a-zA-Z]*)\s*:\s*(.*)$/s.exec(decl);
    if (!match || !isSafeDeclaration(match[1]!.toLowerCase(), match[2]!.trim())) continue;
    let safe = true;
    for (const m of decl.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)) {
      const url = m[2]!;
      if (!isSafeImageSource(url, options) || !isSameOriginResource(url, options)) safe = false;
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
    if (URI_ATTRS.has(name) && !isSafeUrl(v, options)) {
      if (!(name === 'src' && isSafeImageSource(v, options))) continue;
    }
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
    allowedSchemes: [...options.safeSchemes].filter((scheme) => !NEVER_SAFE_SCHEMES.has(scheme)),
    // Pictures may be inline data; the transform below keeps only raster ones.
    allowedSchemesByTag: {
      img: [...options.safeSchemes].filter((s) => !NEVER_SAFE_SCHEMES.has(s)).concat('data'),
    },
    allowedSchemesAppliedToAttributes: [...URI_ATTRS],
    allowProtocolRelative: true,
    parseStyleAttributes: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      '*': (tagName, attribs) => {
        const next: Record<string, string> = {};
        const keys = Object.keys(attribs).filter(
          (key) =>
            !(tagName === 'img' && key === 'src' && !isSafeImageSource(attribs.src!, options)),
        );
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
