import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('uses the defaults when nothing is set', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      dataDir: './data',
      databaseUrl: undefined,
      sessionSecret: undefined,
      nodeEnv: 'development',
      isProduction: false,
      maxUploadBytes: 2048 * 1024 * 1024,
      uploadGraceMinutes: 120,
      uploadExpiryHours: 24,
      refusedFileRetentionDays: 30,
      entryQuotaBytes: 10240 * 1024 * 1024,
      s3: undefined,
      auditKey: undefined,
      passwordHashing: { memoryKib: 65536, timeCost: 3 },
      trustProxy: false,
      allowedOrigins: [],
      redisUrl: undefined,
      sms: { webhookUrl: undefined, webhookToken: undefined, signature: '擂台' },
      challenge: { hmacKey: undefined, cost: 1000, maxCounter: 700 },
      demoAccounts: false,
      logLevel: 'warn',
    });
  });

  it('reads every setting from the environment', () => {
    expect(
      loadConfig({
        PORT: '8080',
        LEITAI_DATA_DIR: '/var/lib/leitai',
        DATABASE_URL: 'postgres://leitai@db/leitai',
        LEITAI_SESSION_SECRET: 's3cret',
        NODE_ENV: 'production',
        LEITAI_MAX_UPLOAD_MB: '500',
        LEITAI_UPLOAD_GRACE_MINUTES: '30',
        LEITAI_UPLOAD_EXPIRY_HOURS: '6',
        LEITAI_REFUSED_FILE_RETENTION_DAYS: '7',
        LEITAI_ENTRY_QUOTA_MB: '4096',
        LEITAI_S3_BUCKET: 'leitai-works',
        LEITAI_S3_ENDPOINT: 'https://oss-cn-hangzhou.aliyuncs.com',
        LEITAI_S3_REGION: 'oss-cn-hangzhou',
        LEITAI_S3_ACCESS_KEY_ID: 'AKID',
        LEITAI_S3_SECRET_ACCESS_KEY: 'secret',
        LEITAI_S3_FORCE_PATH_STYLE: 'false',
        LEITAI_S3_PREFIX: 'uploads/',
        LEITAI_AUDIT_KEY: 'f3b1c0de-audit-key-of-at-least-32-chars',
        LEITAI_ARGON2_MEMORY_KIB: '19456',
        LEITAI_ARGON2_TIME_COST: '2',
        LEITAI_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
        LEITAI_ALLOWED_ORIGINS: 'https://leitai.example.cn, https://www.leitai.example.cn:8443',
        LOG_LEVEL: 'Info',
        REDIS_URL: 'redis://:secret@redis:6379/2',
        LEITAI_SMS_WEBHOOK_URL: 'https://sms-gateway.internal/send',
        LEITAI_SMS_WEBHOOK_TOKEN: 'sms-token',
        LEITAI_SMS_SIGNATURE: '某某大赛',
        LEITAI_ALTCHA_HMAC_KEY: 'altcha-hmac-key-of-at-least-32-characters',
        LEITAI_ALTCHA_COST: '2000',
        LEITAI_ALTCHA_MAX_COUNTER: '400',
      }),
    ).toEqual({
      port: 8080,
      dataDir: '/var/lib/leitai',
      databaseUrl: 'postgres://leitai@db/leitai',
      sessionSecret: 's3cret',
      nodeEnv: 'production',
      isProduction: true,
      maxUploadBytes: 500 * 1024 * 1024,
      uploadGraceMinutes: 30,
      uploadExpiryHours: 6,
      refusedFileRetentionDays: 7,
      entryQuotaBytes: 4096 * 1024 * 1024,
      s3: {
        bucket: 'leitai-works',
        endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
        region: 'oss-cn-hangzhou',
        accessKeyId: 'AKID',
        secretAccessKey: 'secret',
        forcePathStyle: false,
        prefix: 'uploads/',
      },
      auditKey: 'f3b1c0de-audit-key-of-at-least-32-chars',
      passwordHashing: { memoryKib: 19456, timeCost: 2 },
      trustProxy: ['10.0.0.0/8', '127.0.0.1'],
      allowedOrigins: ['https://leitai.example.cn', 'https://www.leitai.example.cn:8443'],
      redisUrl: 'redis://:secret@redis:6379/2',
      sms: { webhookUrl: 'https://sms-gateway.internal/send', webhookToken: 'sms-token', signature: '某某大赛' },
      challenge: { hmacKey: 'altcha-hmac-key-of-at-least-32-characters', cost: 2000, maxCounter: 400 },
      demoAccounts: false,
      logLevel: 'info',
    });
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadConfig({ DATABASE_URL: '  ' }).databaseUrl).toBe(undefined);
  });

  it('keeps the database pool size unset (the default by cores) unless set, and refuses one under 1 or not whole', () => {
    expect([loadConfig({}).databasePoolSize, loadConfig({ LEITAI_DATABASE_POOL_SIZE: '4' }).databasePoolSize]).toEqual([undefined, 4]);
    for (const size of ['0', '2.5', 'many']) {
      expect(() => loadConfig({ LEITAI_DATABASE_POOL_SIZE: size })).toThrow(expect.objectContaining({ code: 'config.invalid' }));
    }
  });

  it('refuses an upload limit or grace that is not a non-negative number', () => {
    expect(() => loadConfig({ LEITAI_MAX_UPLOAD_MB: 'lots' })).toThrow(expect.objectContaining({ code: 'config.invalid' }));
    expect(() => loadConfig({ LEITAI_UPLOAD_GRACE_MINUTES: '-5' })).toThrow(expect.objectContaining({ code: 'config.invalid' }));
  });

  it('stores uploads in S3 only when a bucket is named, path-style by default when an endpoint is given', () => {
    expect(loadConfig({ LEITAI_S3_ENDPOINT: 'http://minio:9000' }).s3).toBe(undefined);
    expect(loadConfig({ LEITAI_S3_BUCKET: 'works' }).s3).toEqual({
      bucket: 'works',
      endpoint: undefined,
      region: 'us-east-1',
      accessKeyId: undefined,
      secretAccessKey: undefined,
      forcePathStyle: false,
      prefix: '',
    });
    expect(loadConfig({ LEITAI_S3_BUCKET: 'works', LEITAI_S3_ENDPOINT: 'http://minio:9000' }).s3).toMatchObject({
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
    });
  });

  it('refuses half a pair of S3 keys, an endpoint that is not a URL and a path-style flag that is not one', () => {
    expect(() => loadConfig({ LEITAI_S3_BUCKET: 'works', LEITAI_S3_ACCESS_KEY_ID: 'AKID' })).toThrow(expect.objectContaining({ code: 'config.invalid' }));
    expect(() => loadConfig({ LEITAI_S3_BUCKET: 'works', LEITAI_S3_ENDPOINT: 'minio 9000' })).toThrow(expect.objectContaining({ code: 'config.invalid' }));
    expect(() => loadConfig({ LEITAI_S3_BUCKET: 'works', LEITAI_S3_FORCE_PATH_STYLE: 'maybe' })).toThrow(expect.objectContaining({ code: 'config.invalid' }));
  });

  it('refuses a log level pino does not know', () => {
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' })).toThrow('Environment variable LOG_LEVEL is invalid: verbose');
  });

  it('refuses a port that is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(expect.objectContaining({ code: 'config.invalid' }));
  });

  it('refuses an audit key shorter than 32 characters, which could be guessed', () => {
    expect(() => loadConfig({ LEITAI_AUDIT_KEY: 'short-key' })).toThrow('Environment variable LEITAI_AUDIT_KEY is invalid: (shorter than 32 characters)');
  });

  it('refuses a Redis or SMS webhook address that is not one, without echoing it (it may hold a password)', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://:pw@redis:6379' })).toThrow('Environment variable REDIS_URL is invalid: (not a redis:// or rediss:// URL)');
    expect(() => loadConfig({ LEITAI_SMS_WEBHOOK_URL: 'ftp://gateway' })).toThrow(
      'Environment variable LEITAI_SMS_WEBHOOK_URL is invalid: (not an http:// or https:// URL)',
    );
    expect(loadConfig({ REDIS_URL: 'rediss://cache.internal:6380' }).redisUrl).toBe('rediss://cache.internal:6380');
  });

  it('refuses a challenge key shorter than 32 characters, and makes challenges the cheapest under NODE_ENV=test', () => {
    expect(() => loadConfig({ LEITAI_ALTCHA_HMAC_KEY: 'short-key' })).toThrow(
      'Environment variable LEITAI_ALTCHA_HMAC_KEY is invalid: (shorter than 32 characters)',
    );
    expect(loadConfig({ NODE_ENV: 'test' }).challenge).toEqual({ hmacKey: undefined, cost: 1, maxCounter: 10 });
    expect(() => loadConfig({ LEITAI_ALTCHA_MAX_COUNTER: '0' })).toThrow('Environment variable LEITAI_ALTCHA_MAX_COUNTER is invalid: 0');
  });

  it('hashes passwords at the cheapest argon2 cost under NODE_ENV=test unless a cost is set', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).passwordHashing).toEqual({ memoryKib: 32, timeCost: 1 });
    expect(loadConfig({ NODE_ENV: 'test', LEITAI_ARGON2_TIME_COST: '4' }).passwordHashing).toEqual({ memoryKib: 32, timeCost: 4 });
    expect(() => loadConfig({ LEITAI_ARGON2_MEMORY_KIB: '16' })).toThrow('Environment variable LEITAI_ARGON2_MEMORY_KIB is invalid: 16');
    expect(() => loadConfig({ LEITAI_ARGON2_TIME_COST: '1.5' })).toThrow('Environment variable LEITAI_ARGON2_TIME_COST is invalid: 1.5');
  });

  it('trusts every proxy or a list of addresses, and refuses anything else, a hop count too', () => {
    expect(loadConfig({ LEITAI_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(() => loadConfig({ LEITAI_TRUST_PROXY: '2' })).toThrow('Environment variable LEITAI_TRUST_PROXY is invalid: 2');
    expect(loadConfig({ LEITAI_TRUST_PROXY: '::1,fd00::/8' }).trustProxy).toEqual(['::1', 'fd00::/8']);
    expect(() => loadConfig({ LEITAI_TRUST_PROXY: 'loadbalancer' })).toThrow('Environment variable LEITAI_TRUST_PROXY is invalid: loadbalancer');
  });

  it('refuses an allowed origin with a path or another scheme, which no browser would send', () => {
    expect(() => loadConfig({ LEITAI_ALLOWED_ORIGINS: 'https://leitai.example.cn/app' })).toThrow(
      'LEITAI_ALLOWED_ORIGINS is invalid: https://leitai.example.cn/app',
    );
    expect(() => loadConfig({ LEITAI_ALLOWED_ORIGINS: 'ftp://leitai.example.cn' })).toThrow('LEITAI_ALLOWED_ORIGINS is invalid: ftp://leitai.example.cn');
  });
});
