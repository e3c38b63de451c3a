import type { App } from '../../app-env.js';
import { registerGetMe } from './get.js';

export function registerMeRoutes(app: App) {
  registerGetMe(app);
}
