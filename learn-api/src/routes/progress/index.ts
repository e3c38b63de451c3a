import type { App } from '../../app-env.js';
import { registerGetOwnProgress } from './get.js';
import { registerGetProgressHistory } from './history.js';

export function registerProgressRoutes(app: App) {
  registerGetOwnProgress(app);
  registerGetProgressHistory(app);
}
