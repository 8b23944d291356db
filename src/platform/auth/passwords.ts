/**
 * Password hashing with argon2id (OWASP's first choice). The hash string carries its own
 * parameters and salt, so raising the cost later keeps old hashes verifiable.
 */
import argon2 from 'argon2';
import { loadConfig, type PasswordHashing } from '../config.ts';

let hashing: PasswordHashing | undefined;
let decoy: { hashing: PasswordHashing; hash: Promise<string> } | undefined;

/**
 * The cost of new hashes, installed at start-up from the config (createServer does). Until then,
 * e.g. in a CLI command or a test, the process environment's setting applies.
 */
export function installPasswordHashing(settings: PasswordHashing): void {
  hashing = settings;
}

const currentHashing = () => (hashing ??= loadConfig().passwordHashing);

export const hashPassword = (password: string): Promise<string> => {
  const { memoryKib, timeCost } = currentHashing();
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: memoryKib, timeCost });
};

/** False, never an exception, for a wrong password or a malformed hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * Verifies against a hash of the current cost and always fails: an unknown email then takes as
 * long as a wrong password, so timing does not tell which addresses have accounts.
 */
export async function verifyDecoy(password: string): Promise<false> {
  const settings = currentHashing();
  if (decoy?.hashing !== settings) decoy = { hashing: settings, hash: hashPassword('decoy password') };
  await verifyPassword(await decoy.hash, password);
  return false;
}
