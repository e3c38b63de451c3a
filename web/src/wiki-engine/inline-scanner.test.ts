import { describe, expect, it } from 'vitest';
import { createConformanceEnvironment } from './conformance/test-environment';
import { compileRules, replaceInline } from './inline-scanner';
import { POST_RULES, PRE_RULES } from './rules';

const env = createConformanceEnvironment();
const compiled = compileRules(env.syntax);

/** The plain way: one alternation of every rule, tried from each position in turn. */
function scanWithAlternation(text: string): string[] {
  const sources = [
    ...PRE_RULES.map((r) => r.source),
    ...env.syntax.map((r) => `!?(?:${r.pattern})`),
    ...POST_RULES.map((r) => r.source),
  ];
  const re = new RegExp(sources.map((src, i) => `(?<r${i}>${src})`).join('|'), 'gu');
  const found: string[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const rule = sources.findIndex((_, i) => m!.groups![`r${i}`] !== undefined);
    found.push(`${m.index}+${m[0].length}:${rule}`);
    if (m[0].length === 0) re.lastIndex = m.index + 1;
  }
  return found;
}

function scanWithScanner(text: string): string[] {
  const found: string[] = [];
  replaceInline(text, compiled, {
    handleMatch: (rule, m) => {
      found.push(`${m.index}+${m[0].length}:${compiled.rules.indexOf(rule)}`);
      return '';
    },
  });
  return found;
}

/** Pieces that start, end or nearly make every rule, so random lines exercise their edges. */
const PIECES = [
  "'''",
  "''",
  "'",
  '**',
  '*',
  '//',
  '/',
  '__',
  '_',
  '~~',
  ',,',
  '^',
  '{{{',
  '}}}',
  '{1}',
  '`',
  '\\\\',
  '\\',
  '!',
  '@',
  'a@b.cd',
  'x.y',
  'user',
  ':',
  'http:',
  'wiki:',
  '"q"',
  '<',
  '>',
  '&',
  '[',
  ']',
  '[[',
  ']]',
  '[=#',
  '=',
  '==',
  '#',
  '#12',
  '|',
  '||',
  '|-',
  ' ',
  '  ',
  '-',
  '+',
  '.',
  '..',
  '1',
  '1.',
  'i.',
  'Abc',
  'WikiStart',
  'CamelCase',
  'Éxample',
  'é',
  '\u200b',
];

/** A small seeded generator, so a failure names a line that can be replayed. */
function randomLines(count: number, seed: number): string[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: count }, () => {
    let line = '';
    const pieces = 1 + Math.floor(random() * 16);
    for (let i = 0; i < pieces; i++) line += PIECES[Math.floor(random() * PIECES.length)];
    return line;
  });
}

describe('inline scanner', () => {
  it('finds the same matches, in the same places, as one alternation of all rules', () => {
    for (const line of randomLines(4000, 42)) {
      expect(scanWithScanner(line), JSON.stringify(line)).toEqual(scanWithAlternation(line));
    }
  });

  it('finds e-mail addresses and short links behind other word characters', () => {
    for (const line of [
      'mail x.y+z@example.org now',
      '!me@example.org',
      'a!b@c.de',
      'see 1abc:target, wiki:Page and !wiki:Escaped',
      'x.wiki:Page',
      '__user@example.org__',
    ]) {
      expect(scanWithScanner(line), line).toEqual(scanWithAlternation(line));
    }
  });
});
