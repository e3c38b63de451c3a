import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { App, AppDeps, AppEnv } from './app-env.js';
import { limitRequestBodies } from './middleware/body-limit.js';
import { handleError, handleNotFound, validationHook } from './middleware/errors.js';
import { rejectUnsafeText } from './middleware/reject-unsafe-text.js';
import { requestContext } from './middleware/request-context.js';
import { registerConceptRoutes } from './routes/concepts/index.js';
import { registerDocumentRoutes } from './routes/documents/index.js';
import { registerHealthRoutes } from './routes/health/index.js';
import { registerMeRoutes } from './routes/me/index.js';
import { registerPathRoutes } from './routes/paths/index.js';
import { registerProgressRoutes } from './routes/progress/index.js';
import { registerQuestionRoutes } from './routes/questions/index.js';
import { registerReviewRoutes } from './routes/review/index.js';
import { registerSearchRoutes } from './routes/search/index.js';

export const apiBasePath = '/api/learntrac';

function newRouter(): App {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

const openApiInfo = {
  openapi: '3.1.0',
  info: { title: 'LearnTrac learning API', version: '0.1.0' },
};

/** Every route and the security scheme; nothing here reads the dependencies. */
function mountRoutes(app: App): void {
  // The ALB checks /healthz on the target; clients reach the same checks under the API path.
  const health = newRouter();
  registerHealthRoutes(health);
  app.route('/', health);

  const api = newRouter();
  registerHealthRoutes(api);
  registerMeRoutes(api);
  registerPathRoutes(api);
  registerProgressRoutes(api);
  registerConceptRoutes(api);
  registerQuestionRoutes(api);
  registerReviewRoutes(api);
  registerDocumentRoutes(api);
  registerSearchRoutes(api);
  app.route(apiBasePath, api);

  app.openAPIRegistry.registerComponent('securitySchemes', 'cognito', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A Cognito access token',
  });
}

/**
 * The OpenAPI document the app serves, built without a database or any other part, so that
 * clients can generate their types from it offline.
 */
export function describeApi(): ReturnType<App['getOpenAPI31Document']> {
  const app = newRouter();
  mountRoutes(app);
  return app.getOpenAPI31Document(openApiInfo);
}

export function createApp(deps: AppDeps): App {
  const app = newRouter();
  app.use('*', requestContext(deps));
  app.use(
    '*',
    cors({
      origin: (origin) => (deps.corsOrigins.includes(origin) ? origin : null),
      credentials: true,
      allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      exposeHeaders: ['X-Request-Id'],
      maxAge: 600,
    }),
  );
  // JSON only: nothing here may be framed, sniffed into another type or run as a page.
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
    }),
  );
  // Bodies are bounded before anything reads them.
  app.use('*', limitRequestBodies({ uploadMaxBytes: deps.uploadMaxBytes }));
  app.use(`${apiBasePath}/*`, rejectUnsafeText);
  app.onError(handleError);
  app.notFound(handleNotFound);

  mountRoutes(app);
  app.doc31(`${apiBasePath}/openapi.json`, openApiInfo);
  return app;
}
