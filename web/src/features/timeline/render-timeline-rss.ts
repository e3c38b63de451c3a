import type { TimelineEvent } from '@/core/feature';

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );

/** The timeline as an RSS 2.0 feed, as Trac's `format=rss`. */
export function renderTimelineRss(options: {
  events: readonly TimelineEvent[];
  baseUrl: string;
  pageUrl: string;
}): string {
  const absolute = (href: string) => new URL(href, options.baseUrl).toString();
  const items = options.events.map(
    (event) => `    <item>
      <title>${escapeXml(event.title)}</title>
      <link>${escapeXml(absolute(event.href))}</link>
      <guid isPermaLink="false">${escapeXml(`${absolute(event.href)}/${event.time.getTime()}`)}</guid>
      <pubDate>${event.time.toUTCString()}</pubDate>
      <category>${escapeXml(event.kind)}</category>${
        event.author ? `\n      <dc:creator>${escapeXml(event.author)}</dc:creator>` : ''
      }${event.description ? `\n      <description>${escapeXml(event.description)}</description>` : ''}
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>LearnTrac: Timeline</title>
    <link>${escapeXml(options.pageUrl)}</link>
    <description>Recent changes in LearnTrac</description>
    <language>en-us</language>
${items.join('\n')}
  </channel>
</rss>
`;
}
