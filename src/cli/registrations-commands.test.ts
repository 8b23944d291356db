import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/** The machine's zone is UTC here, so a time read in it instead of the contest's is eight hours off. */
const validate = async (at: string) => {
  const args = [
    'bin/leitai.mjs',
    'registrations',
    'validate',
    'contests/001-hebei-smart-government-data-2022.yaml',
    'examples/registrations-001.json',
    '--json',
    '--at',
    at,
  ];
  try {
    return JSON.parse((await promisify(execFile)('node', args, { env: { ...process.env, TZ: 'UTC' } })).stdout);
  } catch (error) {
    return JSON.parse((error as { stdout: string }).stdout);
  }
};

const closedRefusals = (results: { errors: { code: string; message: string; messageEn: string }[] }[]) =>
  results.flatMap((r) => r.errors.filter((e) => e.code === 'registration.closed'));

describe('leitai registrations validate --at', () => {
  it('reads a time without an offset in the contest time zone: 23:59 on the last day is still open', async () => {
    expect(closedRefusals(await validate('2022-06-20T23:59:00'))).toEqual([]);
  });

  it('names the registration window in the contest time zone when it is closed', async () => {
    const [first] = closedRefusals(await validate('2022-06-21T00:00:00'));
    expect(first).toEqual({
      code: 'registration.closed',
      message: '不在报名时间内：报名征集阶段为 2022-03-10T00:00:00+08:00 至 2022-06-20T23:59:59+08:00（Asia/Shanghai）',
      messageEn: 'Registration is closed: Registration and call for entries runs from 2022-03-10T00:00:00+08:00 to 2022-06-20T23:59:59+08:00 (Asia/Shanghai)',
    });
  });
});
