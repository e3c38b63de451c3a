import { App } from 'cdktf';
import { loadEnvironmentConfig } from './config.js';
import { LearnTracStack } from './learntrac-stack.js';

/**
 * Builds the app with one stack per environment. The state bucket is created once by hand
 * (docs/operations/deploy.md) and named through LEARNTRAC_STATE_BUCKET.
 */
export function buildApp(options: { outdir?: string; env?: NodeJS.ProcessEnv } = {}): App {
  const env = options.env ?? process.env;
  const app = new App(options.outdir ? { outdir: options.outdir } : {});
  const state = {
    bucket: env.LEARNTRAC_STATE_BUCKET ?? 'learntrac-terraform-state',
    region: env.LEARNTRAC_STATE_REGION ?? 'us-east-1',
  };
  for (const name of ['dev', 'prod'] as const) {
    new LearnTracStack(app, `learntrac-${name}`, {
      config: loadEnvironmentConfig({ name, env }),
      state,
    });
  }
  return app;
}

// Run directly (cdktf.json's app, or `pnpm synth`): synthesise into cdktf.out/.
if (import.meta.url === `file://${process.argv[1]}`) {
  buildApp().synth();
}
