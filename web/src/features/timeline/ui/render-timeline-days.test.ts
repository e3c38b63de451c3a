import { describe, expect, it } from 'vitest';
import { renderTimelineDays } from './render-timeline-days';

describe('the timeline list', () => {
  const event = {
    time: new Date('2026-03-04T09:05:00Z'),
    kind: 'newticket',
    title: 'Ticket #7 (<script> & "quotes") created',
    href: '/ticket/7',
    author: 'ada',
    description: 'Breaks <b>login</b>',
  };

  it('groups events under their day with kind, time, link, author and description', () => {
    const html = renderTimelineDays({
      days: new Map([['2026-03-04', [event, { ...event, author: null, description: null }]]]),
      dayLabel: (day) => `${day}: Today`,
    });
    expect(html).toContain(
      '<section class="tl-day" aria-label="2026-03-04"><h2>2026-03-04: Today</h2>',
    );
    expect(html).toContain('<time datetime="2026-03-04T09:05:00.000Z">09:05</time>');
    expect(html).toContain('<div data-testid="timeline-event" data-kind="newticket">');
    expect(html).toContain('<span class="tl-author"> by ada</span>');
    expect(html.match(/data-testid="timeline-event"/g)).toHaveLength(2);
    expect(html.match(/tl-author/g)).toHaveLength(1);
    expect(html.match(/<dd>/g)).toHaveLength(1);
  });

  it('shows titles and descriptions as text, never as markup', () => {
    const html = renderTimelineDays({
      days: new Map([['2026-03-04', [event]]]),
      dayLabel: (d) => d,
    });
    expect(html).toContain(
      '<a href="/ticket/7">Ticket #7 (&lt;script&gt; &amp; &#34;quotes&#34;) created</a>',
    );
    expect(html).toContain('<dd>Breaks &lt;b&gt;login&lt;/b&gt;</dd>');
    expect(html).not.toContain('<script>');
  });
});
