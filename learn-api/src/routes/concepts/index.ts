import type { App } from '../../app-env.js';
import { registerGenerateQuestions } from './generate-questions.js';
import { registerListOwnAttempts } from './list-attempts.js';
import { registerListConceptQuestions } from './list-questions.js';

export function registerConceptRoutes(app: App) {
  registerListConceptQuestions(app);
  registerGenerateQuestions(app);
  registerListOwnAttempts(app);
}
