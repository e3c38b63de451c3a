import type { WikiFlavour } from '../index';

export interface ConformanceExpectation {
  title: string;
  flavour: WikiFlavour;
  input: string;
  expected: string;
}

const FLAVOURS: WikiFlavour[] = ['page', 'oneliner', 'page-escape-newlines', 'outline'];
const TITLE_LINE = /^(={30}.*)$/m;

/**
 * Reads a case file in Trac's wiki test format: a line starting with 30 "=" opens a case
 * (its title follows); blocks are separated by lines of 30 "-".
 */
export function parseCases(data: string): ConformanceExpectation[] {
  const pieces = data.split(TITLE_LINE);
  const out: ConformanceExpectation[] = [];
  for (let i = 1; i + 1 < pieces.length; i += 2) {
    const title = pieces[i]!.replace(/^=+/, '').trim();
    const body = pieces[i + 1]!;
    if (!body || body === '\n') continue;
    if (title.includes('SKIP') || title.includes('WONTFIX')) continue;
    const blocks = body.split(`${'-'.repeat(30)}\n`);
    const input = blocks[0]!;
    FLAVOURS.forEach((flavour, k) => {
      let expected = blocks[k + 1];
      if (!expected) return;
      // The one-liner block is compared without its final newline.
      if (flavour === 'oneliner') expected = expected.slice(0, -1);
      out.push({ title, flavour, input, expected });
    });
  }
  return out;
}

/** Trac's comparison: drop \r and zero-width spaces, strip trailing blanks on each line. */
export function normalizeOutput(html: string): string {
  return html
    .replace(/\r/g, '')
    .replace(/\u200b/g, '')
    .replace(/[ \t]+$/gm, '');
}
