import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { App, AppEnv } from '../../app-env.js';
import { ApiError, errorResponses } from '../../errors/api-error.js';
import { requirePermission } from '../../middleware/auth.js';
import { uploadDocument } from '../../services/documents/upload-document.js';
import { bearerAuth } from '../security.js';
import { DocumentSchema, UploadDocumentFormSchema } from './schema.js';

// Room for the multipart envelope (boundaries, headers, the title) around the file itself.
const multipartOverheadBytes = 64 * 1024;

/** Refuses an upload over the limit from its Content-Length, or as soon as the stream passes it. */
const limitUploadSize: MiddlewareHandler<AppEnv> = async (c, next) => {
  const maxBytes = c.get('deps').uploadMaxBytes;
  return bodyLimit({
    maxSize: maxBytes + multipartOverheadBytes,
    onError: () => {
      throw new ApiError(
        'PAYLOAD_TOO_LARGE',
        `The upload is larger than the ${formatMegabytes(maxBytes)} allowed`,
      );
    },
  })(c, next);
};

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

const route = createRoute({
  method: 'post',
  path: '/documents',
  tags: ['documents'],
  summary: 'Upload course material (PDF, HTML, Markdown or text) to be indexed',
  description:
    'Answers 202 with the new document, whose status then moves from `queued` to `indexed` ' +
    '(or `failed` with a reason). Content already uploaded answers 200 with the existing document.',
  security: bearerAuth,
  middleware: [requirePermission('LEARNING_INGEST'), limitUploadSize] as const,
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
        `The upload is larger than the ${formatMegabytes(deps.uploadMaxBytes)} allowed`,
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
