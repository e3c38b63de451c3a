import 'server-only';
import { getConfig } from '@/config';

/** Where the browser sends material: web's route that streams it on to learn-api. */
export const UPLOAD_ROUTE = {
  url: '/api/learning/documents',
  /** The one limit web and learn-api share, so the form can refuse a file before sending it. */
  maxBytes: () => getConfig().UPLOAD_MAX_BYTES,
};
