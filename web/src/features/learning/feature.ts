import type { Feature } from '@/core/feature';

export const learningFeature: Feature = {
  id: 'learning',
  navigation: { label: 'Learning', href: '/learning', order: 70, permission: 'LEARNING_VIEW' },
};
