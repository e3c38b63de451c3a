import 'server-only';

/** Where the browser sends material: web's route that streams it on to learn-api. */
export const UPLOAD_ROUTE = {
  url: '/learning/library/upload',
  maxBytes: () => 50 * 1024 * 1024,
};
