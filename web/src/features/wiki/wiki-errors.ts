import { AppError } from '@/core/errors/app-error';

/**
 * Someone saved the page after the editor loaded it (Trac's "mid-air collision"): a CONFLICT
 * that carries the page as it now stands, so the editor can show it beside the viewer's text.
 */
export class WikiConflictError extends AppError {
  constructor(
    readonly page: string,
    readonly baseVersion: number,
    readonly currentVersion: number,
    readonly currentText: string,
    readonly currentAuthor: string | null,
  ) {
    super(
      'CONFLICT',
      `Sorry, this page has been modified by somebody else since you started editing (version ${currentVersion}, you edited version ${baseVersion}). Your changes have not been saved.`,
    );
  }
}
