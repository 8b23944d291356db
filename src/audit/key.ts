/**
 * The audit key: the server's secret behind every digest of personal data in the audit log.
 *
 * The log is handed to supervisors and may be published, and its personal data is masked
 * (138****1234). A bare SHA-256 of the full entry beside the mask would let anyone with the log
 * try the 10⁴ hidden digits and recover the phone; an HMAC under a key the log's readers do not
 * hold confirms nothing to them, while the server (and whoever holds the key) can still check a
 * registration against its event.
 *
 * The key is installed once at start-up (`useAuditKey`): services that append events are called
 * from routes, the CLI, the demo and tests alike, and none of them should carry a secret around.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';
import { canonicalJson } from './canonical-json.ts';

export const AUDIT_KEY_FILE = 'audit.key';
const MIN_KEY_LENGTH = 32;

let installed: string | undefined;

type KeySettings = Pick<Config, 'auditKey' | 'dataDir' | 'databaseUrl' | 'isProduction'>;

const keyRequired = () =>
  new AppError(
    'config.audit_key_required',
    {
      zh: '生产环境使用 DATABASE_URL 时必须设置 LEITAI_AUDIT_KEY（各服务器共用同一密钥，至少 32 个字符）',
      en: 'LEITAI_AUDIT_KEY is required in production with DATABASE_URL: every server must share one key (at least 32 characters)',
    },
    500,
  );

const badKeyFile = (file: string) =>
  new AppError(
    'config.invalid',
    { zh: `审计密钥文件 ${file} 无效（至少 32 个字符）`, en: `The audit key file ${file} is invalid (at least 32 characters)` },
    500,
  );

/**
 * LEITAI_AUDIT_KEY, else `<dataDir>/audit.key`, generated (32 random bytes, hex, mode 0600) when
 * absent. Servers sharing one PostgreSQL database must share one key, so a production start with
 * DATABASE_URL and no key refuses rather than make a key of its own on each machine.
 */
export function loadAuditKey(config: KeySettings): string {
  const existing = findAuditKey(config);
  if (existing !== undefined) return existing;
  if (config.databaseUrl !== undefined && config.isProduction) throw keyRequired();
  const file = join(config.dataDir, AUDIT_KEY_FILE);
  mkdirSync(config.dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process starting on the same directory wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readKeyFile(file)!;
}

/**
 * The key if one is configured or in the data directory, without making one: a checker that made
 * a new key would find every row changed.
 */
export function findAuditKey(config: KeySettings): string | undefined {
  return config.auditKey ?? readKeyFile(join(config.dataDir, AUDIT_KEY_FILE));
}

function readKeyFile(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const key = text.trim();
  if (key.length < MIN_KEY_LENGTH) throw badKeyFile(file);
  return key;
}

/** Makes `key` the key of every keyed digest from now on in this process. */
export function installAuditKey(key: string): void {
  if (key.length < MIN_KEY_LENGTH) throw new Error(`installAuditKey: the key must have at least ${MIN_KEY_LENGTH} characters`);
  installed = key;
}

/** loadAuditKey then installAuditKey: what every command that writes or checks the log does first. */
export function useAuditKey(config: KeySettings): void {
  installAuditKey(loadAuditKey(config));
}

/**
 * HMAC-SHA256, hex, of `label` and the canonical JSON of `value` under `key`. The label keeps
 * digests of different things apart (a registration's state never equals an invitation code's).
 */
export function keyedDigestWith(key: string, label: string, value: unknown): string {
  return createHmac('sha256', key).update(`${label}\n`).update(canonicalJson(value)).digest('hex');
}

/** keyedDigestWith under the installed key; throws when start-up installed none. */
export function keyedDigest(label: string, value: unknown): string {
  if (installed === undefined) throw new Error('No audit key installed: call useAuditKey(config) at start-up (tests: test/support/audit-key.ts)');
  return keyedDigestWith(installed, label, value);
}

/**
 * keyedDigest of one label for values that repeat (a phone model's headers on every vote): the last
 * `max` digests are kept, each under the key it was made with, as one HMAC costs more than the rest
 * of reading a request.
 */
export function keptKeyedDigest(label: string, max: number): (values: readonly string[]) => string {
  const kept = new LRUCache<string, string>({ max });
  let keptUnder = installed;
  return (values) => {
    if (keptUnder !== installed) {
      kept.clear();
      keptUnder = installed;
    }
    const text = JSON.stringify(values);
    let digest = kept.get(text);
    if (digest === undefined) {
      digest = keyedDigest(label, values);
      kept.set(text, digest);
    }
    return digest;
  };
}
