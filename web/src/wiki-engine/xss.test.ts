import { describe, expect, it } from 'vitest';
import { createWikiEnvironment, renderWiki } from './index';

const env = createWikiEnvironment({ highlight: false });
const context = { realm: 'wiki', id: 'SandBox', base: '' };
const page = (text: string) => renderWiki({ text, env, context });

/** Payloads that must never yield script execution, whatever construct carries them. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href=" javascript:alert(1)">x</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<body onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<div style="width: expression(alert(1))">x</div>',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '"><script>alert(1)</script>',
  '<scr<script>ipt>alert(1)</script>',
  '<IMG """><SCRIPT>alert(1)</SCRIPT>">',
  '<style>@import "http://evil/x.css";</style>',
];

/** Checks the real tags of the output (escaped text such as `&lt;script` is harmless). */
function assertSafe(html: string): void {
  const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
  for (const tag of tags) {
    expect(tag).not.toMatch(
      /^<(script|iframe|object|embed|meta|style|svg|math|form|body|link|base)\b/i,
    );
    expect(tag).not.toMatch(/\son[a-z]+\s*=/i);
    expect(tag).not.toMatch(/(href|src|action)\s*=\s*"\s*(javascript|vbscript|data:text)/i);
    expect(tag).not.toMatch(/expression\(|url\(\s*['"]?\s*javascript/i);
  }
}

describe('rendering untrusted wiki text', () => {
  for (const payload of PAYLOADS) {
    it(`neutralises ${payload} in plain text, #!html, [[html()]] and #!markdown`, () => {
      assertSafe(page(payload));
      assertSafe(page(`{{{#!html\n${payload}\n}}}`));
      assertSafe(page(`[[html(${payload})]]`));
      assertSafe(page(`{{{#!markdown\n${payload}\n}}}`));
      assertSafe(page(`{{{#!div style="${payload}"\ntext\n}}}`));
    });
  }

  it('never turns unsafe schemes into links', () => {
    for (const text of [
      'javascript:alert(1)',
      '[javascript:alert(1) click]',
      '[[javascript:alert(1)|click]]',
      'vbscript://x',
    ]) {
      expect(page(text)).not.toMatch(/href="(javascript|vbscript)/i);
    }
  });

  it('keeps markdown links with safe schemes and drops unsafe ones', () => {
    const html = page('{{{#!markdown\n[ok](https://example.org) [bad](javascript:alert(1))\n}}}');
    expect(html).toContain('<a href="https://example.org">ok</a>');
    expect(html).not.toMatch(/href="javascript/);
  });

  it('escapes markup inside macro arguments of built-in processors', () => {
    expect(page('[[span(<b onclick=x>hi</b>)]]')).toContain('&lt;b onclick=x&gt;hi&lt;/b&gt;');
  });
});

describe('styles and links in #!html', () => {
  const html = (markup: string) => page(`{{{#!html\n${markup}\n}}}`);

  it.each([
    'position: fixed; top: 0; left: 0; width: 100%; height: 100%',
    'position: absolute; top: 0',
    'position: sticky; top: 0',
    'position:FIXED',
  ])('drops the overlay position in "%s"', (style) => {
    const out = html(`<div style="${style}">Sign in again</div>`);
    expect(out).not.toMatch(/position\s*:\s*(fixed|absolute|sticky)/i);
    expect(out).not.toMatch(/\btop\s*:/i);
    expect(out).toContain('Sign in again');
  });

  it.each([
    'z-index: 9999',
    'transform: translateY(-500px)',
    'inset: 0',
    'margin-top: -400px',
    'margin: 0 0 0 -50em',
    'text-indent: -9999px',
    'content: "x"',
    'width: var(--x)',
  ])('drops "%s", which moves content over the page around it', (style) => {
    expect(html(`<div style="${style}">x</div>`)).toBe(html('<div>x</div>'));
  });

  it('keeps the styling people use in wiki pages', () => {
    const out = html(
      '<div style="position: relative; color: #c00; background-color: #fee; border: 1px solid red; padding: 4px; margin: 0 auto; font-weight: bold; text-align: center; width: 50%">x</div>',
    );
    expect(out).toContain(
      'style="position: relative; color: #c00; background-color: #fee; border: 1px solid red; padding: 4px; margin: 0 auto; font-weight: bold; text-align: center; width: 50%"',
    );
  });

  it.each([
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'javascript:alert(1)',
    'vbscript:msgbox(1)',
    'DATA:text/html,x',
    ' data:text/html,x',
  ])('never makes a link of %s', (url) => {
    const out = html(`<a href="${url}">click</a>`);
    expect(out).not.toMatch(/href=/i);
    expect(out).toContain('click');
  });

  it('keeps inline raster pictures but not inline SVG', () => {
    expect(html('<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">')).toContain(
      'src="data:image/png;base64,iVBORw0KGgo="',
    );
    expect(html('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">')).not.toContain('src=');
  });

  it('keeps ordinary links', () => {
    expect(html('<a href="https://example.org/x">x</a>')).toContain('href="https://example.org/x"');
    expect(html('<a href="/wiki/Start">x</a>')).toContain('href="/wiki/Start"');
  });
});
