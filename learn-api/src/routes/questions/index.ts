import type { App } from '../../app-env.js';
import { registerAnswerQuestion } from './answer.js';
import { registerRegenerateQuestion } from './regenerate.js';
import { registerUpdateQuestion } from './update.js';

export function registerQuestionRoutes(app: App) {
  registerUpdateQuestion(app);
  registerRegenerateQuestion(app);
  registerAnswerQuestion(app);
}
