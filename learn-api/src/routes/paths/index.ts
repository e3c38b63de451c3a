import type { App } from '../../app-env.js';
import { registerCreatePath } from './create.js';
import { registerListPaths } from './list.js';

export function registerPathRoutes(app: App) {
  registerListPaths(app);
  registerCreatePath(app);
}
