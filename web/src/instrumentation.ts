import type { Instrumentation } from 'next';

// Next also compiles this file for the edge runtime; the Node-only work lives in
// instrumentation-node.ts, imported only under the nodejs runtime so it stays out of that build.

/** Runs once when the server starts, before it serves a request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./instrumentation-node');
    await startServer();
  }
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { logRequestError } = await import('./instrumentation-node');
    logRequestError({ error, request, context });
  }
};
