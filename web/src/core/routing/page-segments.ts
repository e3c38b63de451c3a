/**
 * The catch-all segments of a page's address, decoded. Next.js hands a page component its
 * segments still percent-encoded, while `generateMetadata` and route handlers get them decoded:
 * only page components call this. The front door refuses malformed percent-encoding before any page
 * runs, so decoding cannot fail here.
 */
export function decodePageSegments(parts: readonly string[]): string[] {
  return parts.map((part) => decodeURIComponent(part));
}
