/**
 * The process's settings, read from the environment once at start-up and passed down from there,
 * so no other module reads `process.env` and tests can build any configuration they need.
 */
import { AppError } from './errors.ts';

export interface Config {
  port: number;
  /** Where the embedded database (PGlite) and uploaded files live when no server is configured. */
  dataDir: string;
  /** `postgres://…` to use a PostgreSQL server instead of the embedded database. */
  databaseUrl: string | undefined;
  sessionSecret: string | undefined;
  nodeEnv: string;
  /** Cookies are marked `Secure` only in production, so the demo works over plain http://localhost. */
  isProduction: boolean;
  /** The largest upload accepted where a contest sets no size (LEITAI_MAX_UPLOAD_MB, default 2048). */
  maxUploadBytes: number;
  /** How long an upload begun before the deadline may go on after it (LEITAI_UPLOAD_GRACE_MINUTES, default 120). */
  uploadGraceMinutes: number;
}

const invalidSetting = (name: string, value: string) =>
  new AppError(
    'config.invalid',
    { zh: `环境变量 ${name} 的值无效：${value}`, en: `Environment variable ${name} is invalid: ${value}` },
    500,
  );

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
    sessionSecret: nonEmpty(env.LEITAI_SESSION_SECRET),
    nodeEnv,
    isProduction: nodeEnv === 'production',
    maxUploadBytes: positiveNumber(env, 'LEITAI_MAX_UPLOAD_MB', 2048) * 1024 * 1024,
    uploadGraceMinutes: positiveNumber(env, 'LEITAI_UPLOAD_GRACE_MINUTES', 120),
  };
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = nonEmpty(env[name]);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw invalidSetting(name, text);
  return value;
}
