import type { Feature } from '@/core/feature';
import { adminFeature } from '@/features/admin/feature';
import { attachmentFeature } from '@/features/attachment/feature';
import { learningFeature } from '@/features/learning/feature';
import { queryFeature } from '@/features/query/feature';
import { reportFeature } from '@/features/report/feature';
import { roadmapFeature } from '@/features/roadmap/feature';
import { searchFeature } from '@/features/search/feature';
import { ticketFeature } from '@/features/ticket/feature';
import { timelineFeature } from '@/features/timeline/feature';
import { wikiFeature } from '@/features/wiki/feature';

/** Every feature of the app. The navigation, search and timeline are built from this list. */
export const features: readonly Feature[] = [
  wikiFeature,
  attachmentFeature,
  timelineFeature,
  roadmapFeature,
  queryFeature,
  reportFeature,
  ticketFeature,
  searchFeature,
  learningFeature,
  adminFeature,
];
