import type { Feature } from '@/core/feature';
import { attachmentWikiSupport } from './attachment-links';

/** Files attached to wiki pages and tickets; those two features list and change them. */
export const attachmentFeature: Feature = {
  id: 'attachment',
  wiki: attachmentWikiSupport,
};
