/** How tests read a refusal: the AppError a service call is refused with, and the parts they compare. */
import { AppError } from '../../src/platform/errors.ts';

/** The AppError the promise is refused with; a fulfilled promise or any other error fails the test. */
export const appErrorOf = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
};

/** A refusal as a person and a client see it: its code, its status and its message in both languages. */
export const refusalOf = async (promise: Promise<unknown>) => {
  const error = await appErrorOf(promise);
  return { code: error.code, status: error.status, message: error.localised };
};
