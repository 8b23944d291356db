import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installAuditKey, keptKeyedDigest, keyedDigestWith, loadAuditKey } from './key.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'leitai-key-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const settings = (over: Partial<Parameters<typeof loadAuditKey>[0]> = {}) => ({
  auditKey: undefined,
  dataDir,
  databaseUrl: undefined,
  isProduction: false,
  ...over,
});

describe('loadAuditKey', () => {
  it('takes LEITAI_AUDIT_KEY when it is set and writes no file', async () => {
    expect(loadAuditKey(settings({ auditKey: 'k'.repeat(32) }))).toBe('k'.repeat(32));
    await expect(stat(join(dataDir, 'audit.key'))).rejects.toThrow('ENOENT');
  });

  it('generates 32 random bytes into <dataDir>/audit.key, readable by the owner only, and reads the same key next time', async () => {
    const key = loadAuditKey(settings());
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(join(dataDir, 'audit.key'))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dataDir, 'audit.key'), 'utf8')).toBe(`${key}\n`);
    expect(loadAuditKey(settings())).toBe(key);
  });

  it('refuses a production start on PostgreSQL without LEITAI_AUDIT_KEY, where servers must share one key', () => {
    expect(() => loadAuditKey(settings({ databaseUrl: 'postgres://db/leitai', isProduction: true }))).toThrow(
      expect.objectContaining({ code: 'config.audit_key_required' }),
    );
  });

  it('refuses a key file too short to be secret', async () => {
    await writeFile(join(dataDir, 'audit.key'), 'abc\n');
    expect(() => loadAuditKey(settings())).toThrow(expect.objectContaining({ code: 'config.invalid' }));
  });
});

describe('keyedDigestWith', () => {
  it('is the HMAC-SHA256 of the label, a newline and the canonical JSON', () => {
    const key = 'k'.repeat(32);
    const expected = createHmac('sha256', key).update('registration\n{"a":1,"b":2}').digest('hex');
    expect(keyedDigestWith(key, 'registration', { b: 2, a: 1 })).toBe(expected);
  });

  it('differs under another key and under another label', () => {
    const digest = keyedDigestWith('k'.repeat(32), 'a', 1);
    expect(keyedDigestWith('j'.repeat(32), 'a', 1)).not.toBe(digest);
    expect(keyedDigestWith('k'.repeat(32), 'b', 1)).not.toBe(digest);
  });
});

describe('keptKeyedDigest', () => {
  it('gives keyedDigest under the key installed now, not the one a kept digest was made under', () => {
    const digest = keptKeyedDigest('vote.device', 2);
    installAuditKey('k'.repeat(32));
    const values = ['Mozilla/5.0 (iPhone)', 'zh-CN'];
    expect(digest(values)).toBe(keyedDigestWith('k'.repeat(32), 'vote.device', values));
    expect(digest([...values])).toBe(keyedDigestWith('k'.repeat(32), 'vote.device', values));
    installAuditKey('j'.repeat(32));
    expect(digest(values)).toBe(keyedDigestWith('j'.repeat(32), 'vote.device', values));
    // Values that would join alike stay apart.
    expect(digest(['a,b', 'c'])).not.toBe(digest(['a', 'b,c']));
  });
});
