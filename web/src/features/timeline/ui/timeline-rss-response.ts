import { getConfig } from '@/config';
import { getViewer } from '@/core/auth/current-user';
import { getDb } from '@/core/db';
import type { Feature } from '@/core/feature';
import { listTimeline, MAX_EVENTS } from '@/features/timeline/list-timeline';
import { readTimelineRequest } from '@/features/timeline/read-timeline-request';
import { renderTimelineRss } from '@/features/timeline/render-timeline-rss';

/** `/timeline?format=rss` lands here: the same events as the page, as RSS 2.0. */
export async function respondWithTimelineRss({
  request,
  features,
}: {
  request: Request;
  /** The features whose events the feed lists. */
  features: readonly Feature[];
}): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer.permissions.has('TIMELINE_VIEW')) {
    return Response.json(
      { code: 'forbidden', message: 'TIMELINE_VIEW is needed to read the timeline.' },
      { status: 403 },
    );
  }
  const url = new URL(request.url);
  const timeline = readTimelineRequest({
    params: Object.fromEntries(
      [...new Set(url.searchParams.keys())].map((key) => [key, url.searchParams.getAll(key)]),
    ),
    features,
    permissions: viewer.permissions,
    now: new Date(),
  });
  const events = await listTimeline({
    db: getDb(),
    features,
    permissions: viewer.permissions,
    from: timeline.range.from,
    to: timeline.range.to,
    limit: MAX_EVENTS,
    filters: timeline.chosen,
    authors: timeline.authors,
  });
  const base = getConfig().NEXTAUTH_URL;
  return new Response(
    renderTimelineRss({
      events,
      baseUrl: base,
      pageUrl: new URL(`/timeline?${timeline.params.toString()}`, base).toString(),
    }),
    { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } },
  );
}
