// wink-nlp with its small English model (from npm, no download at run time) tags parts of
// speech, so key terms can be noun phrases ("vector index") rather than any run of words.
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

export interface ExtractKeyTermsOptions {
  /** Every chunk of one document: a term common to all of them says little about any one. */
  texts: readonly string[];
  /** Terms per text. */
  limit?: number;
}

type Nlp = ReturnType<typeof winkNLP>;
// About 20 MB once loaded: only processes that ingest pay for it.
let nlp: Nlp | null = null;

const PHRASE_TAGS = new Set(['ADJ', 'NOUN', 'PROPN']);
const HEAD_TAGS = new Set(['NOUN', 'PROPN']);
// Longer runs of nouns are mostly tagging slips ("index stores embeddings"), not terms.
const MAX_PHRASE_WORDS = 3;
/** Adjectives that qualify without naming anything ("certain options", "various methods"). */
const VAGUE_ADJECTIVES = new Set([
  'available',
  'certain',
  'common',
  'current',
  'different',
  'following',
  'general',
  'given',
  'individual',
  'multiple',
  'particular',
  'possible',
  'previous',
  'similar',
  'specific',
  'such',
  'usual',
  'various',
  'whole',
]);

/**
 * The terms that say most about each text: noun phrases and nouns, lower-cased, stop words
 * left out, scored by how often they occur in the text against how many of the document's
 * texts use them (tf-idf), with phrases of two or more words weighted up.
 */
export function extractKeyTerms({ texts, limit = 8 }: ExtractKeyTermsOptions): string[][] {
  nlp ??= winkNLP(model);
  const counts = texts.map((text) => candidateTerms(nlp!, text));
  const spread = new Map<string, number>();
  for (const terms of counts) {
    for (const term of terms.keys()) spread.set(term, (spread.get(term) ?? 0) + 1);
  }
  return counts.map((terms) => {
    const scored = [...terms].map(([term, count]) => {
      const words = term.split(' ').length;
      const rarity = Math.log(1 + texts.length / spread.get(term)!);
      return { term, score: count * rarity * (1 + 0.5 * (words - 1)) };
    });
    // Stable sort: among equal scores, the term met first comes first.
    scored.sort((a, b) => b.score - a.score);
    const chosen: string[] = [];
    for (const { term } of scored) {
      if (chosen.length === limit) break;
      // A word already inside a chosen phrase adds nothing.
      if (!chosen.some((phrase) => ` ${phrase} `.includes(` ${term} `))) chosen.push(term);
    }
    return chosen;
  });
}

/** Each candidate term in the text with how often it occurs, in order of first occurrence. */
function candidateTerms(nlp: Nlp, text: string): Map<string, number> {
  const its = nlp.its;
  const tokens = nlp.readDoc(text).tokens();
  const pos = tokens.out(its.pos) as string[];
  const normal = tokens.out(its.normal) as string[];
  // The typings give `lemma` a signature unlike the other token helpers; it is used the same way.
  const lemma = tokens.out(its.lemma as unknown as typeof its.normal) as string[];
  const stop = tokens.out(its.stopWordFlag) as unknown as boolean[];
  const type = tokens.out(its.type) as string[];
  const terms = new Map<string, number>();
  const add = (term: string) => terms.set(term, (terms.get(term) ?? 0) + 1);

  let run: number[] = [];
  const closeRun = () => {
    // A noun phrase ends on its noun: trailing adjectives belong to what follows.
    while (run.length > 0 && !HEAD_TAGS.has(pos[run.at(-1)!]!)) run.pop();
    if (run.length > 0) {
      const head = run.at(-1)!;
      // The head noun in its base form, so "indexes" and "index" count as one term.
      const headWord = pos[head] === 'NOUN' ? lemma[head]! : normal[head]!;
      const words = [...run.slice(0, -1).map((i) => normal[i]!), headWord];
      if (words.length > 1 && words.length <= MAX_PHRASE_WORDS) add(words.join(' '));
      if (headWord.length > 2) add(headWord);
    }
    run = [];
  };
  for (let i = 0; i < pos.length; i++) {
    const isTermWord =
      type[i] === 'word' &&
      PHRASE_TAGS.has(pos[i]!) &&
      !stop[i] &&
      !(pos[i] === 'ADJ' && VAGUE_ADJECTIVES.has(normal[i]!)) &&
      normal[i]!.length > 1 &&
      /\p{L}/u.test(normal[i]!);
    if (isTermWord) run.push(i);
    else closeRun();
  }
  closeRun();
  return terms;
}
