import type { App } from '../../app-env.js';
import { registerAddPrerequisite } from './add-prerequisite.js';
import { registerChangePath } from './change.js';
import { registerCreatePath } from './create.js';
import { registerEditConcept } from './edit-concept.js';
import { registerGetPath } from './get.js';
import { registerLearnerAttempts } from './learner-attempts.js';
import { registerListPaths } from './list.js';
import { registerNextSteps } from './next.js';
import { registerPathProgress } from './progress.js';
import { registerQuestionStats } from './question-stats.js';
import { registerRemovePrerequisite } from './remove-prerequisite.js';

export function registerPathRoutes(app: App) {
  registerListPaths(app);
  registerCreatePath(app);
  registerGetPath(app);
  registerChangePath(app);
  registerEditConcept(app);
  registerAddPrerequisite(app);
  registerRemovePrerequisite(app);
  registerNextSteps(app);
  registerPathProgress(app);
  registerQuestionStats(app);
  registerLearnerAttempts(app);
}
