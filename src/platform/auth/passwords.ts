/**
 * Password hashing with argon2id (OWASP's first choice). The hash string carries its own
 * parameters and salt, so raising the cost later keeps old hashes verifiable.
 */
import argon2 from 'argon2';

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

/** False, never an exception, for a wrong password or a malformed hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
