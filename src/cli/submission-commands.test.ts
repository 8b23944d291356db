import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { pdfWithText } from '../../test/support/test-media.ts';

const run = async (...args: string[]) => runIn({}, ...args);

const runIn = async (env: Record<string, string>, ...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['bin/leitai.mjs', ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

it('leitai submission check refuses a 640 px poster for 002 平面设计类 with the rule and the value, and passes an 1200 px one with EXIF', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'leitai-check-'));
  const small = join(dir, 'small.jpg');
  const good = join(dir, 'good.png');
  await sharp({ create: { width: 640, height: 480, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'Canon' } })
    .toFile(small);
  // Named .png but a JPEG inside: the kind comes from the content.
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'Canon' } })
    .toFile(good);
  const refused = await run(
    'submission',
    'check',
    'contests/002-yangquan-medical-e-voucher-works-2022.yaml',
    '--division',
    'works/graphic-design',
    small,
    '--json',
  );
  expect(refused.code).toBe(1);
  expect(JSON.parse(refused.stdout)).toMatchObject({
    ok: false,
    errors: [{ code: 'file.image.too_small', message: '图片长边 640 像素，要求不少于 800 像素', file: small }],
  });
  const passed = await run(
    'submission',
    'check',
    'contests/002-yangquan-medical-e-voucher-works-2022.yaml',
    '--division',
    'works/graphic-design',
    good,
    '--json',
  );
  expect([passed.code, JSON.parse(passed.stdout).ok, JSON.parse(passed.stdout).errors]).toEqual([0, true, []]);
});

it('leitai submission check --stage checks one stage of 003: the online stage’s completeness, not the application’s or the workshop’s', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'leitai-check-'));
  const slides = join(dir, 'presentation.pdf');
  await writeFile(slides, pdfWithText(2));
  const check = (...args: string[]) =>
    run('submission', 'check', 'contests/003-ilo-digital-social-security-hackathon-2021.yaml', '--division', 'hackathon', ...args);
  const online = await check('--stage', 'online-stage', '--complete', `presentation=${slides}`, '--json');
  expect(online.code).toBe(1);
  expect(JSON.parse(online.stdout).errors.map((e: { code: string; message: string }) => [e.code, e.message])).toEqual([
    ['file.missing', '愿景宣言：已上传 0 个，要求至少 1 个'],
    ['file.missing', '可测试原型（文档）：已上传 0 个，要求至少 1 个'],
    ['field.required', '请填写演示视频链接'],
  ]);
  const unknown = await check('--stage', 'selection', slides);
  expect([unknown.code, unknown.stderr]).toEqual([
    1,
    expect.stringContaining('--stage: hackathon hands in nothing in a stage selection; its stages are registration, online-stage, workshop'),
  ]);
});

it('leitai storage sweep runs on the database and store that leitai serve uses, and prints what it swept as JSON', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'leitai-sweep-'));
  const swept = await runIn({ LEITAI_DATA_DIR: dataDir, DATABASE_URL: '' }, 'storage', 'sweep', '--json');
  expect([swept.code, JSON.parse(swept.stdout)]).toEqual([0, { expiredUploads: 0, purgedFiles: 0, bytesFreed: 0, failures: [] }]);
});

it('leitai storage sweep answers a refusal (here a bad setting) with its message and exit 1, not a stack trace', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'leitai-sweep-'));
  const refused = await runIn({ LEITAI_DATA_DIR: dataDir, DATABASE_URL: '', LEITAI_S3_BUCKET: 'works', LEITAI_S3_ENDPOINT: 'not a url' }, 'storage', 'sweep');
  expect(refused).toEqual({
    code: 1,
    stdout: '',
    stderr: '环境变量 LEITAI_S3_ENDPOINT 的值无效：not a url\nEnvironment variable LEITAI_S3_ENDPOINT is invalid: not a url (config.invalid)\n',
  });
});

it('leitai submissions refingerprint runs on the database leitai serve uses, and refuses a contest it does not hold', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'leitai-refingerprint-'));
  const env = { LEITAI_DATA_DIR: dataDir, DATABASE_URL: '' };
  const done = await runIn(env, 'submissions', 'refingerprint', '--json');
  expect([done.code, JSON.parse(done.stdout)]).toEqual([0, { done: 0, total: 0, refingerprinted: 0, dropped: 0, failures: [] }]);
  const refused = await runIn(env, 'submission', 'refingerprint', '--contest', 'no-such-contest');
  expect([refused.code, refused.stderr]).toEqual([1, '未找到赛事 no-such-contest\nContest no-such-contest not found (contest.not_found)\n']);
  // Two runs, each opening and migrating an embedded database.
}, 180_000);
