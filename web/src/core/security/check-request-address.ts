import { describeUnsafeText } from '@/core/text/unsafe-text';

/** Decodes one path segment or query part strictly: null when it is not UTF-8 percent-encoding. */
function decodeStrictly(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

// Shown in messages, short and with nothing a terminal or page could take as markup.
const quote = (part: string) => JSON.stringify(part.length > 60 ? `${part.slice(0, 60)}…` : part);

/**
 * Why an address cannot be served, or null when it can. Every path segment and query parameter
 * must be valid percent-encoded UTF-8 without NUL characters: such an address is always a typo
 * or a probe, and no page could look it up (PostgreSQL refuses NUL in text).
 */
export function findAddressProblem(pathname: string, search: string): string | null {
  for (const segment of pathname.split('/')) {
    const decoded = decodeStrictly(segment);
    if (decoded === null) {
      return `The address path holds ${quote(segment)}, which is not valid percent-encoding (a “%” must be followed by two hexadecimal digits that form UTF-8).`;
    }
    const problem = describeUnsafeText(decoded);
    if (problem) return `The address path segment ${quote(segment)} ${problem}.`;
  }
  const query = search.startsWith('?') ? search.slice(1) : search;
  for (const pair of query ? query.split('&') : []) {
    const equals = pair.indexOf('=');
    const parts = equals < 0 ? [pair] : [pair.slice(0, equals), pair.slice(equals + 1)];
    for (const part of parts) {
      const decoded = decodeStrictly(part.replaceAll('+', ' '));
      if (decoded === null) {
        return `The query parameter ${quote(pair)} is not valid percent-encoding (a “%” must be followed by two hexadecimal digits that form UTF-8).`;
      }
      const problem = describeUnsafeText(decoded);
      if (problem) return `The query parameter ${quote(pair)} ${problem}.`;
    }
  }
  return null;
}
