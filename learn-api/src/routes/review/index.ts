import type { App } from '../../app-env.js';
import { registerListDueCards } from './due.js';
import { registerSubmitReview } from './submit.js';

export function registerReviewRoutes(app: App) {
  registerListDueCards(app);
  registerSubmitReview(app);
}
