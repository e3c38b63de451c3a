import type { Feature } from '@/core/feature';
import { reportWikiSupport } from './report-links';

/** Reports sit under the View Tickets tab (the query feature's), as in Trac. */
export const reportFeature: Feature = {
  id: 'report',
  wiki: reportWikiSupport,
};
