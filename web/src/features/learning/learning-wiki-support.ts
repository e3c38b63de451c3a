import 'server-only';
import { learnApiFor } from './learn-api/learn-api-for';
import { loadPath } from './learn-api/learner-api';
import { createLearningWikiSupport } from './learning-macros';
import { toGraphConcepts } from './path-graph-concepts';

/** The learning macros in wiki text, reading paths from learn-api as the signed-in reader. */
export const learningWikiSupport = createLearningWikiSupport({
  loaderFor: (viewer) =>
    viewer.name && viewer.permissions.has('LEARNING_VIEW')
      ? async (pathId) => {
          const result = await loadPath(await learnApiFor(), pathId);
          if (!result.ok) return null;
          return {
            id: result.data.id,
            title: result.data.title,
            concepts: toGraphConcepts(result.data),
          };
        }
      : null,
});
