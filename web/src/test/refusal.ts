import { AppError } from '@/core/errors/app-error';

/** The `AppError` a write was refused with; fails the test when the write went through. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the write to be refused');
}
