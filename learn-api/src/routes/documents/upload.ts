import { createRoute } from '@hono/zod-openapi';
import type { App } from '../../app-env.js';
import { ApiError, errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { describeBytes } from '../../middleware/body-limit.js';
import { uploadDocument } from '../../services/documents/upload-document.js';
import { bearerAuth } from '../security.js';
import { DocumentSchema, UploadDocumentFormSchema } from './schema.js';

const route = createRoute({
  method: 'post',
  path: '/documents',
  tags: ['documents'],
  summary: 'Upload course material (PDF, HTML, Markdown or text) to be indexed',
  description:
    'Answers 202 with the new document, whose status then moves from `queued` to `indexed` ' +
    '(or `failed` with a reason). Content already uploaded answers 200 with the existing document.',
  security: bearerAuth,
  // The body itself is bounded before this route runs (limitRequestBodies in app.ts).
  middleware: [requirePermission('LEARNING_INGEST')] as const,
  request: {
    body: {
      required: true,
      content: { 'multipart/form-data': { schema: UploadDocumentFormSchema } },
    },
  },
  responses: {
    202: {
      description: 'Queued for indexing',
      content: { 'application/json': { schema: DocumentSchema } },
    },
    200: {
      description: 'The same content was uploaded before: the existing document',
      content: { 'application/json': { schema: DocumentSchema } },
    },
    ...errorResponses(
      'VALIDATION_FAILED',
      'UNAUTHORIZED',
      'FORBIDDEN',
      'PAYLOAD_TOO_LARGE',
      'UNPROCESSABLE',
    ),
  },
});

export function registerUploadDocument(app: App) {
  app.openapi(route, async (c) => {
    const { file, title } = c.req.valid('form');
    const deps = c.get('deps');
    if (file.size > deps.uploadMaxBytes) {
      throw new ApiError(
        'PAYLOAD_TOO_LARGE',
        `The upload is larger than the ${describeBytes(deps.uploadMaxBytes)} allowed`,
      );
    }
    const { document, created } = await uploadDocument({
      db: deps.db,
      ingestQueue: deps.ingestQueue,
      uploader: c.get('user'),
      file: {
        bytes: new Uint8Array(await file.arrayBuffer()),
        fileName: file.name,
        contentType: file.type,
      },
      title,
    });
    return created ? c.json(document, 202) : c.json(document, 200);
  });
}
