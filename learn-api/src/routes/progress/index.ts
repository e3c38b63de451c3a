import type { App } from '../../app-env.js';
import { registerGetOwnProgress } from './get.js';

export function registerProgressRoutes(app: App) {
  registerGetOwnProgress(app);
}
