import type { App } from '../../app-env.js';
import { registerDeleteDocument } from './delete.js';
import { registerGetDocument } from './get.js';
import { registerListDocuments } from './list.js';
import { registerReindexDocument } from './reindex.js';
import { registerListDocumentSections } from './sections.js';
import { registerUpdateDocument } from './update.js';
import { registerUploadDocument } from './upload.js';

export function registerDocumentRoutes(app: App) {
  registerUploadDocument(app);
  registerListDocuments(app);
  registerGetDocument(app);
  registerUpdateDocument(app);
  registerDeleteDocument(app);
  registerReindexDocument(app);
  registerListDocumentSections(app);
}
