import { AppError, isUniqueViolation } from '../shared/errors.ts';

/** Runs a template write; a second active template of the same name answers 409 naming `name`. */
export async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e)) {
      const message = 'an active template already has this name';
      throw new AppError('ALREADY_EXISTS', message, { errors: [{ path: 'name', message }] });
    }
    throw e;
  }
}
