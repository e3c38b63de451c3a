import type { TimelineEvent } from '@/core/feature';
import { escapeAttr as escapeHtml } from '@/wiki-engine';

/**
 * The timeline's days as HTML. Hundreds of events rendered as React elements cost the server
 * most of a request and send every element twice (page and component payload); as one string
 * the list is written once and costs next to nothing to produce.
 */
export function renderTimelineDays(options: {
  days: ReadonlyMap<string, readonly TimelineEvent[]>;
  dayLabel: (day: string) => string;
}): string {
  const parts: string[] = [];
  for (const [day, events] of options.days) {
    parts.push(
      `<section class="tl-day" aria-label="${escapeHtml(day)}"><h2>${escapeHtml(options.dayLabel(day))}</h2><dl>`,
    );
    for (const event of events) {
      const kind = escapeHtml(event.kind);
      parts.push(
        `<div data-testid="timeline-event" data-kind="${kind}"><dt>`,
        `<time datetime="${event.time.toISOString()}">${event.time.toISOString().slice(11, 16)}</time>`,
        `<a href="${escapeHtml(event.href)}">${escapeHtml(event.title)}</a>`,
        event.author ? `<span class="tl-author"> by ${escapeHtml(event.author)}</span>` : '',
        '</dt>',
        event.description ? `<dd>${escapeHtml(event.description)}</dd>` : '',
        '</div>',
      );
    }
    parts.push('</dl></section>');
  }
  return parts.join('');
}
