import { requirePermission } from '@/core/auth/current-user';

export const metadata = { title: 'Learning' };

export default async function LearningPage() {
  const viewer = await requirePermission('LEARNING_VIEW', '/learning');
  const manages = viewer.permissions.has('LEARNING_MANAGE');
  return (
    <>
      <h1>Learning</h1>
      <p className="notice">
        Learning paths are not available here yet.{' '}
        {manages
          ? 'This page will let you ingest course material, build and publish learning paths from it, review the generated questions, and follow your class’s progress.'
          : 'This page will list the learning paths open to you, the concept you should study next, questions to answer, and your own progress and review schedule.'}
      </p>
    </>
  );
}
