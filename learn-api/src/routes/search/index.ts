import type { App } from '../../app-env.js';
import { registerSearch } from './search.js';

export function registerSearchRoutes(app: App) {
  registerSearch(app);
}
