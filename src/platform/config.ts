/**
 * The process's settings, read from the environment once at start-up and passed down from there,
 * so no other module reads `process.env` and tests can build any configuration they need.
 */
import { isIP } from 'node:net';
import { AppError } from './errors.ts';

export interface Config {
  port: number;
  /** Where the embedded database (PGlite) and uploaded files live when no server is configured. */
  dataDir: string;
  /** `postgres://…` to use a PostgreSQL server instead of the embedded database. */
  databaseUrl: string | undefined;
  /** How many connections to that server the process keeps at most (LEITAI_DATABASE_POOL_SIZE); see database.ts. */
  databasePoolSize: number | undefined;
  sessionSecret: string | undefined;
  nodeEnv: string;
  /** Cookies are marked `Secure` only in production, so the demo works over plain http://localhost. */
  isProduction: boolean;
  /**
   * The largest file accepted where a contest sets no size, and the most the upload server takes of any
   * file, whatever size a contest sets (LEITAI_MAX_UPLOAD_MB, default 2048).
   */
  maxUploadBytes: number;
  /** How long an upload begun before the deadline may go on after it (LEITAI_UPLOAD_GRACE_MINUTES, default 120). */
  uploadGraceMinutes: number;
  /** How long an unfinished upload is kept before its bytes and record are swept (LEITAI_UPLOAD_EXPIRY_HOURS, default 24). */
  uploadExpiryHours: number;
  /** How long a refused file's bytes are kept; its record and SHA-256 stay (LEITAI_REFUSED_FILE_RETENTION_DAYS, default 30). */
  refusedFileRetentionDays: number;
  /** The most an entry may store: its accepted files and unfinished uploads (LEITAI_ENTRY_QUOTA_MB, default 10240). */
  entryQuotaBytes: number;
  /** S3-compatible object storage for uploaded files, when LEITAI_S3_BUCKET is set; otherwise `<dataDir>/uploads`. */
  s3: S3Settings | undefined;
  /**
   * LEITAI_AUDIT_KEY: the secret that keys every digest of personal data in the audit log (at least
   * 32 characters). Unset: read from, or generated into, `<dataDir>/audit.key` (src/audit/key.ts).
   */
  auditKey: string | undefined;
  /** The argon2id cost of new password hashes; see PasswordHashing. */
  passwordHashing: PasswordHashing;
  /**
   * LEITAI_TRUST_PROXY: which proxies' X-Forwarded-For (and -Proto, -Host) to believe, so rate
   * limits and logs see the real client: `true` (any peer), or a comma-separated list of the
   * proxies' addresses and CIDR ranges. Default false: a client could write the header itself.
   * (No hop count: Fastify no longer honours one, as it cannot tell a proxy from a client.)
   */
  trustProxy: boolean | string[];
  /**
   * LEITAI_ALLOWED_ORIGINS: comma-separated origins (`https://leitai.example.cn`) whose pages may
   * send state-changing requests besides the server's own host, e.g. when a proxy rewrites Host.
   */
  allowedOrigins: string[];
  /**
   * REDIS_URL (`redis://…`): public voting's rate limits and solved challenges are counted in Redis,
   * shared by every server process. Unset: in this process's memory (platform/counters.ts).
   */
  redisUrl: string | undefined;
  /** How voters' one-time codes are sent (platform/sms.ts). */
  sms: SmsSettings;
  /** The proof-of-work challenge (ALTCHA) before each vote (voting/challenge.ts). */
  challenge: ChallengeSettings;
  /** Demo accounts may sign in: set by `serve --demo` only, never from the environment. */
  demoAccounts: boolean;
  /**
   * LOG_LEVEL: the server log's threshold (fatal, error, warn, info, debug, trace, silent). Default
   * warn: one line per request (info) only when asked, so the lines `npm start` prints stay on screen.
   */
  logLevel: LogLevel;
}

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/**
 * LEITAI_ARGON2_MEMORY_KIB (default 65536, 64 MiB) and LEITAI_ARGON2_TIME_COST (default 3), argon2's
 * own defaults. Existing hashes keep the cost they were made with. Under NODE_ENV=test the
 * defaults are the cheapest argon2 allows, as test accounts guard nothing.
 */
export interface PasswordHashing {
  memoryKib: number;
  timeCost: number;
}

export interface SmsSettings {
  /**
   * LEITAI_SMS_WEBHOOK_URL: an SMS gateway that takes `POST {phone, text}` as JSON and answers 2xx
   * once it has the message. Unset: messages are written to the contest's outbox for organisers to read.
   */
  webhookUrl: string | undefined;
  /** LEITAI_SMS_WEBHOOK_TOKEN: sent as `Authorization: Bearer …` to the webhook, when set. */
  webhookToken: string | undefined;
  /** LEITAI_SMS_SIGNATURE: the sender's name in 【】 at the start of each message, as carriers require; default 擂台. */
  signature: string;
}

/**
 * The work a client does for each challenge: `maxCounter` × ¾ on average of PBKDF2-SHA256 rounds of
 * `cost` iterations. The defaults (cost 1000, counter up to 700) take a phone about 0.2–1 s and a
 * server core about 0.1 s; under NODE_ENV=test the cheapest (1 and 10), as tests solve many.
 */
export interface ChallengeSettings {
  /**
   * LEITAI_ALTCHA_HMAC_KEY: the secret challenges are signed with (at least 32 characters), shared by
   * every server process. Unset: derived from the audit key, which they share already.
   */
  hmacKey: string | undefined;
  /** LEITAI_ALTCHA_COST: PBKDF2 iterations per attempt. */
  cost: number;
  /** LEITAI_ALTCHA_MAX_COUNTER: the most attempts a challenge takes (it takes at least half as many). */
  maxCounter: number;
}

export interface S3Settings {
  /** LEITAI_S3_BUCKET */
  bucket: string;
  /** LEITAI_S3_ENDPOINT: MinIO, Aliyun OSS, Tencent COS and other S3-compatible services; AWS when unset. */
  endpoint: string | undefined;
  /** LEITAI_S3_REGION, default us-east-1. */
  region: string;
  /** LEITAI_S3_ACCESS_KEY_ID and LEITAI_S3_SECRET_ACCESS_KEY: both or neither (then the AWS SDK's own chain). */
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** LEITAI_S3_FORCE_PATH_STYLE: https://endpoint/bucket/key rather than https://bucket.endpoint/key; default true when an endpoint is given. */
  forcePathStyle: boolean;
  /** LEITAI_S3_PREFIX: a folder of the bucket for Leitai's objects; default none. */
  prefix: string;
}

const invalidSetting = (name: string, value: string) =>
  new AppError('config.invalid', { zh: `环境变量 ${name} 的值无效：${value}`, en: `Environment variable ${name} is invalid: ${value}` }, 500);

const nonEmpty = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const portText = nonEmpty(env.PORT);
  const port = portText === undefined ? 3000 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw invalidSetting('PORT', portText ?? '');
  const nodeEnv = nonEmpty(env.NODE_ENV) ?? 'development';
  return {
    port,
    dataDir: nonEmpty(env.LEITAI_DATA_DIR) ?? './data',
    databaseUrl: nonEmpty(env.DATABASE_URL),
    databasePoolSize: nonEmpty(env.LEITAI_DATABASE_POOL_SIZE) === undefined ? undefined : positiveInteger(env, 'LEITAI_DATABASE_POOL_SIZE', 1, 1),
    sessionSecret: nonEmpty(env.LEITAI_SESSION_SECRET),
    nodeEnv,
    isProduction: nodeEnv === 'production',
    maxUploadBytes: positiveNumber(env, 'LEITAI_MAX_UPLOAD_MB', 2048) * 1024 * 1024,
    uploadGraceMinutes: positiveNumber(env, 'LEITAI_UPLOAD_GRACE_MINUTES', 120),
    uploadExpiryHours: positiveNumber(env, 'LEITAI_UPLOAD_EXPIRY_HOURS', 24),
    refusedFileRetentionDays: positiveNumber(env, 'LEITAI_REFUSED_FILE_RETENTION_DAYS', 30),
    entryQuotaBytes: positiveNumber(env, 'LEITAI_ENTRY_QUOTA_MB', 10240) * 1024 * 1024,
    s3: s3Settings(env),
    passwordHashing: {
      memoryKib: positiveInteger(env, 'LEITAI_ARGON2_MEMORY_KIB', nodeEnv === 'test' ? 32 : 65536, 32),
      timeCost: positiveInteger(env, 'LEITAI_ARGON2_TIME_COST', nodeEnv === 'test' ? 1 : 3, 1),
    },
    trustProxy: trustProxySetting(env),
    allowedOrigins: allowedOriginsSetting(env),
    redisUrl: redisUrlSetting(env),
    sms: {
      webhookUrl: webhookUrlSetting(env),
      webhookToken: nonEmpty(env.LEITAI_SMS_WEBHOOK_TOKEN),
      signature: nonEmpty(env.LEITAI_SMS_SIGNATURE) ?? '擂台',
    },
    challenge: {
      hmacKey: secretSetting(env, 'LEITAI_ALTCHA_HMAC_KEY'),
      cost: positiveInteger(env, 'LEITAI_ALTCHA_COST', nodeEnv === 'test' ? 1 : 1000, 1),
      maxCounter: positiveInteger(env, 'LEITAI_ALTCHA_MAX_COUNTER', nodeEnv === 'test' ? 10 : 700, 1),
    },
    demoAccounts: false,
    auditKey: auditKeySetting(env),
    logLevel: logLevelSetting(env),
  };
}

const logLevelSetting = (env: NodeJS.ProcessEnv): LogLevel => {
  const text = nonEmpty(env.LOG_LEVEL)?.toLowerCase();
  if (text === undefined) return 'warn';
  if (!(logLevels as readonly string[]).includes(text)) throw invalidSetting('LOG_LEVEL', text);
  return text as LogLevel;
};

function s3Settings(env: NodeJS.ProcessEnv): S3Settings | undefined {
  const bucket = nonEmpty(env.LEITAI_S3_BUCKET);
  if (bucket === undefined) return undefined;
  const endpoint = nonEmpty(env.LEITAI_S3_ENDPOINT);
  if (endpoint !== undefined && !URL.canParse(endpoint)) throw invalidSetting('LEITAI_S3_ENDPOINT', endpoint);
  const accessKeyId = nonEmpty(env.LEITAI_S3_ACCESS_KEY_ID);
  const secretAccessKey = nonEmpty(env.LEITAI_S3_SECRET_ACCESS_KEY);
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw invalidSetting(accessKeyId === undefined ? 'LEITAI_S3_ACCESS_KEY_ID' : 'LEITAI_S3_SECRET_ACCESS_KEY', '(unset, while the other key is set)');
  }
  return {
    bucket,
    endpoint,
    region: nonEmpty(env.LEITAI_S3_REGION) ?? 'us-east-1',
    accessKeyId,
    secretAccessKey,
    forcePathStyle: flag(env, 'LEITAI_S3_FORCE_PATH_STYLE', endpoint !== undefined),
    prefix: nonEmpty(env.LEITAI_S3_PREFIX) ?? '',
  };
}

/** Short keys can be guessed, and a guessed key makes every keyed digest a bare hash again. */
const auditKeySetting = (env: NodeJS.ProcessEnv) => secretSetting(env, 'LEITAI_AUDIT_KEY');

/** A signing key of at least 32 characters: a shorter one could be guessed. */
function secretSetting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const key = nonEmpty(env[name]);
  if (key !== undefined && key.length < 32) throw invalidSetting(name, '(shorter than 32 characters)');
  return key;
}

// Neither URL is echoed in the refusal: either may carry a password.
function redisUrlSetting(env: NodeJS.ProcessEnv): string | undefined {
  const url = nonEmpty(env.REDIS_URL);
  if (url !== undefined && !(URL.canParse(url) && /^rediss?:$/.test(new URL(url).protocol)))
    throw invalidSetting('REDIS_URL', '(not a redis:// or rediss:// URL)');
  return url;
}

function webhookUrlSetting(env: NodeJS.ProcessEnv): string | undefined {
  const url = nonEmpty(env.LEITAI_SMS_WEBHOOK_URL);
  if (url !== undefined && !(URL.canParse(url) && /^https?:$/.test(new URL(url).protocol)))
    throw invalidSetting('LEITAI_SMS_WEBHOOK_URL', '(not an http:// or https:// URL)');
  return url;
}

function trustProxySetting(env: NodeJS.ProcessEnv): boolean | string[] {
  const text = nonEmpty(env.LEITAI_TRUST_PROXY);
  if (text === undefined) return false;
  if (/^(true|false|1|0|yes|no)$/i.test(text)) return flag(env, 'LEITAI_TRUST_PROXY', false);
  const ranges = text
    .split(',')
    .map((range) => range.trim())
    .filter((range) => range !== '');
  const isRange = (range: string) => {
    const [address, bits, ...rest] = range.split('/');
    return isIP(address) !== 0 && rest.length === 0 && (bits === undefined || /^\d{1,3}$/.test(bits));
  };
  if (ranges.length === 0 || !ranges.every(isRange)) throw invalidSetting('LEITAI_TRUST_PROXY', text);
  return ranges;
}

function allowedOriginsSetting(env: NodeJS.ProcessEnv): string[] {
  const text = nonEmpty(env.LEITAI_ALLOWED_ORIGINS);
  if (text === undefined) return [];
  return text.split(',').map((entry) => {
    const trimmed = entry.trim();
    const url = URL.canParse(trimmed) ? new URL(trimmed) : undefined;
    // Browsers send an origin as scheme://host[:port] only; anything else would never match.
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== trimmed.replace(/\/$/, '')) throw invalidSetting('LEITAI_ALLOWED_ORIGINS', trimmed);
    return url.origin;
  });
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const text = nonEmpty(env[name]);
  if (text === undefined) return fallback;
  if (/^(true|1|yes)$/i.test(text)) return true;
  if (/^(false|0|no)$/i.test(text)) return false;
  throw invalidSetting(name, text);
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = nonEmpty(env[name]);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw invalidSetting(name, text);
  return value;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, minimum: number): number {
  const text = nonEmpty(env[name]);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) throw invalidSetting(name, text);
  return value;
}
