import { features } from '@/composition/registry';
import { respondWithTimelineRss } from '@/features/timeline/ui/timeline-rss-response';

export function GET(request: Request) {
  return respondWithTimelineRss({ request, features });
}
