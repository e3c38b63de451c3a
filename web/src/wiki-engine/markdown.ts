import MarkdownIt from 'markdown-it';

// Raw HTML is left to the shared sanitiser; linkify stays off so output is predictable.
const md = new MarkdownIt('commonmark', { html: true });

/** Renders CommonMark; callers sanitise the result. */
export function renderMarkdown(text: string): string {
  return md.render(text);
}
