import { formMessageOf } from '@/core/errors/show-error';
import type { FormState } from './action-form';

/**
 * Runs a form's write; a refusal the app explains (an `AppError`, the database being down)
 * becomes the form's message, anything else throws. Null when the write went through.
 */
export async function runOrExplain(run: () => Promise<void>): Promise<FormState | null> {
  try {
    await run();
    return null;
  } catch (error) {
    const shown = formMessageOf(error);
    if (shown) return { error: shown.message };
    throw error;
  }
}
