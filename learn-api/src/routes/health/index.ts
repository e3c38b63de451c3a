import type { App } from '../../app-env.js';
import { registerHealthz } from './healthz.js';
import { registerReadyz } from './readyz.js';

export function registerHealthRoutes(app: App) {
  registerHealthz(app);
  registerReadyz(app);
}
