import { type InlineRule, POST_RULES, PRE_RULES } from './rules';
import type { SyntaxRule } from './types';

export type Match = RegExpExecArray & { groups: Record<string, string | undefined> };

/** An inline rule ready to search; environment rules keep their index in `env.syntax`. */
export interface CompiledRule {
  name: string;
  syntaxIndex: number;
  atStart: boolean;
  re: RegExp;
  /** A literal every match contains, and the bit its first character sets in a text's mask. */
  needs: string | null;
  needsBit: number;
  needsRe: RegExp | null;
  backscan: { pivot: string; run: Uint8Array; start: Uint8Array; sticky: RegExp } | null;
}

/** Renders one match; the scanner calls it for each match in order. */
export interface MatchHandler {
  handleMatch(rule: CompiledRule, m: Match): string | null;
}

export interface CompiledRules {
  rules: CompiledRule[];
  /** Maps an ASCII character to the mask bit of the rules whose literal starts with it. */
  triggerBits: Uint32Array;
  /** For each mask seen, the rules (in order) whose first character it contains. */
  candidates: Map<number, number[]>;
}

function asciiSet(chars: string): Uint8Array {
  const set = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = 1;
  return set;
}

function compile(rules: InlineRule[], syntaxIndex: (i: number) => number): CompiledRules {
  const triggerBits = new Uint32Array(128);
  let nextBit = 1;
  const compiled = rules.map((rule, i): CompiledRule => {
    const needs = typeof rule.needs === 'string' ? rule.needs : null;
    let needsBit = 0;
    const first = needs ? needs.charCodeAt(0) : 128;
    if (first < 128) {
      if (!triggerBits[first] && nextBit) {
        triggerBits[first] = nextBit;
        nextBit = (nextBit << 1) >>> 0; // 0 once 32 bits are used: later rules skip the mask
      }
      needsBit = triggerBits[first]!;
    }
    const b = rule.backscan;
    return {
      name: rule.name,
      syntaxIndex: syntaxIndex(i),
      atStart: rule.atStart ?? false,
      re: new RegExp(rule.source, 'gu'),
      needs,
      needsBit,
      needsRe: rule.needs instanceof RegExp ? new RegExp(rule.needs.source, 'gu') : null,
      backscan: b
        ? {
            pivot: b.pivot,
            run: asciiSet(b.run),
            start: asciiSet(b.start),
            sticky: new RegExp(rule.source, 'uy'),
          }
        : null,
    };
  });
  return { rules: compiled, triggerBits, candidates: new Map() };
}

/**
 * Compiled rules by their patterns, not by environment: the app builds a fresh environment for
 * every render, and compiling ~30 expressions again would cost more than a short page. The
 * array itself is remembered too, so nested formatters of one render skip building the key.
 */
const byPatterns = new Map<string, CompiledRules>();
const bySyntax = new WeakMap<readonly SyntaxRule[], CompiledRules>();
const MAX_CACHED_RULE_SETS = 16;

export function compileRules(syntax: readonly SyntaxRule[]): CompiledRules {
  const known = bySyntax.get(syntax);
  if (known) return known;
  const key = syntax
    .map((rule) => `${rule.pattern}\u0000${String(rule.needs ?? '')}`)
    .join('\u0001');
  let compiled = byPatterns.get(key);
  if (!compiled) {
    const custom = syntax.map(
      (rule, i): InlineRule => ({
        name: `x${i}`,
        source: `!?(?:${rule.pattern})`,
        needs: rule.needs,
      }),
    );
    const first = PRE_RULES.length;
    compiled = compile([...PRE_RULES, ...custom, ...POST_RULES], (i) =>
      i >= first && i < first + syntax.length ? i - first : -1,
    );
    if (byPatterns.size >= MAX_CACHED_RULE_SETS) byPatterns.clear();
    byPatterns.set(key, compiled);
  }
  bySyntax.set(syntax, compiled);
  return compiled;
}

/** The bits of the rule literals' first characters that occur in `text`. */
function triggerMask(text: string, triggerBits: Uint32Array): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) mask |= triggerBits[c]!;
  }
  return mask;
}

const MAX_CACHED_MASKS = 4096;

/** The rules that may match text with this mask; texts share a handful of masks. */
function candidatesFor(compiled: CompiledRules, mask: number): number[] {
  let list = compiled.candidates.get(mask);
  if (!list) {
    list = [];
    for (let i = 0; i < compiled.rules.length; i++) {
      const bit = compiled.rules[i]!.needsBit;
      if (!bit || mask & bit) list.push(i);
    }
    if (compiled.candidates.size >= MAX_CACHED_MASKS) compiled.candidates.clear();
    compiled.candidates.set(mask, list);
  }
  return list;
}

/** The leftmost match of a backscan rule at or after `from` (see `InlineRule.backscan`). */
function findBackscan(rule: CompiledRule, text: string, from: number): Match | null {
  const { pivot, run, start, sticky } = rule.backscan!;
  for (let at = text.indexOf(pivot, from + 1); at >= 0; at = text.indexOf(pivot, at + 1)) {
    let s = at;
    while (s > from && run[text.charCodeAt(s - 1)] === 1) s--;
    let p = s;
    while (p < at && start[text.charCodeAt(p)] !== 1) p++;
    if (p === at) continue;
    // Whatever follows the pivot decides the match, so one try per pivot is enough.
    sticky.lastIndex = p === s && s > from && text[s - 1] === '!' ? s - 1 : p;
    const m = sticky.exec(text);
    if (m) return m as Match;
  }
  return null;
}

/** The leftmost match of one rule at or after `from`, or null; pre-checks skip hopeless searches. */
function findRule(rule: CompiledRule, text: string, from: number, mask: number): Match | null {
  if (from > text.length || (rule.atStart && from > 0)) return null;
  if (rule.needs !== null) {
    if (rule.needsBit && !(mask & rule.needsBit)) return null;
    if (text.indexOf(rule.needs, from) < 0) return null;
  } else if (rule.needsRe) {
    rule.needsRe.lastIndex = from;
    if (!rule.needsRe.test(text)) return null;
  }
  if (rule.backscan) return findBackscan(rule, text, from);
  rule.re.lastIndex = from;
  return rule.re.exec(text) as Match | null;
}

/**
 * Replaces every inline match in `text`. Rather than trying one alternation of all rules at
 * every position, each rule finds its own next match and keeps it until the text before it is
 * consumed; the leftmost match wins and ties go to the earlier rule, exactly as the
 * alternation would choose.
 */
export function replaceInline(
  text: string,
  compiled: CompiledRules,
  handler: MatchHandler,
): string {
  const rules = compiled.rules;
  const mask = triggerMask(text, compiled.triggerBits);
  // Only rules with a match ahead take part; most lines leave one or two.
  const active: number[] = [];
  const next: (Match | null)[] = [];
  for (const i of candidatesFor(compiled, mask)) {
    const m = findRule(rules[i]!, text, 0, mask);
    if (m !== null) {
      active.push(i);
      next.push(m);
    }
  }
  let remaining = active.length;
  let result = '';
  let pos = 0; // text before pos is in result
  let from = 0; // where the next match may start: one further after an empty match
  while (remaining > 0) {
    let best = -1;
    let bestIndex = Number.POSITIVE_INFINITY;
    for (let k = 0; k < active.length; k++) {
      let m = next[k] ?? null;
      if (m === null) continue;
      // A match starting inside consumed text is stale: look again from where we are.
      if (m.index < from) {
        m = findRule(rules[active[k]!]!, text, from, mask);
        next[k] = m;
        if (m === null) {
          remaining--;
          continue;
        }
      }
      // Active rules are in rule order, so on a tie the earlier rule keeps the place.
      if (m.index < bestIndex) {
        best = k;
        bestIndex = m.index;
      }
    }
    if (best < 0) break;
    const m = next[best]!;
    result += text.slice(pos, m.index);
    result += handler.handleMatch(rules[active[best]!]!, m) ?? '';
    pos = m.index + m[0].length;
    from = m[0].length === 0 ? pos + 1 : pos;
  }
  return result + text.slice(pos);
}
