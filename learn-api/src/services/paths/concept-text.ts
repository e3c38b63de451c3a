// Word-level comparisons of concept names and material: what makes "Graphs" and "graph",
// or "Dijkstra's algorithm" and "dijkstra algorithm", the same name.

const wordPattern = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;
const leadingArticles = new Set(['a', 'an', 'the']);

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Lower-case, singular words without possessives: the unit names and text are compared in. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(wordPattern) ?? []).map((word) =>
    singular(word.replace(/['’]s$/, '').replace(/['’]/g, '')),
  );
}

/** Equal for names that differ only in case, plural, possessive, punctuation or article. */
export function nameKey(name: string): string {
  const words = wordsOf(name);
  while (words.length > 1 && leadingArticles.has(words[0]!)) words.shift();
  return words.join(' ');
}

/** Where the words of `needle` first occur in order in `haystack`, or -1. */
export function indexOfWords(haystack: readonly string[], needle: readonly string[]): number {
  if (needle.length === 0) return -1;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function splitSentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}"'([])/u)
    .filter((sentence) => sentence.length > 0);
}

/**
 * The passage of `text` that introduces `name`: from the first sentence mentioning it (or
 * the start), whole sentences up to about `maxChars`.
 */
export function excerptAbout(text: string, name: string, maxChars = 700): string {
  const sentences = splitSentences(text);
  const needle = nameKey(name).split(' ');
  const first = Math.max(
    0,
    sentences.findIndex((sentence) => indexOfWords(wordsOf(sentence), needle) >= 0),
  );
  let excerpt = '';
  for (const sentence of sentences.slice(first)) {
    const next = excerpt ? `${excerpt} ${sentence}` : sentence;
    if (next.length > maxChars) break;
    excerpt = next;
    if (excerpt.length >= maxChars / 2) break;
  }
  if (excerpt) return excerpt;
  const long = sentences[first] ?? '';
  const cut = long.lastIndexOf(' ', maxChars - 1);
  return `${long.slice(0, cut > 0 ? cut : maxChars - 1)}…`;
}
