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
    });
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadConfig({ DATABASE_URL: '  ' }).databaseUrl).toBe(undefined);
  });

  it('refuses an upload limit or grace that is not a non-negative number', () => {
    expect(() => loadConfig({ LEITAI_MAX_UPLOAD_MB: 'lots' })).toThrow(expect.objectContaining({ code: 'config.invalid' }));
    expect(() => loadConfig({ LEITAI_UPLOAD_GRACE_MINUTES: '-5' })).toThrow(expect.objectContaining({ code: 'config.invalid' }));
  });

  it('refuses a port that is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(expect.objectContaining({ code: 'config.invalid' }));
  });
});
