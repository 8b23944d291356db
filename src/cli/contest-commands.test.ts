import { execFile, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/** The machine's zone is UTC here, so a time read in it instead of the contest's is eight hours off. */
const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['bin/leitai.mjs', ...args], { env: { ...process.env, TZ: 'UTC' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

const check = async (file: string, ...extra: string[]) => JSON.parse((await run('contest', 'check', `contests/${file}`, '--json', ...extra)).stdout);

describe('leitai contest check', () => {
  it('summarises seed 000 with 4 divisions and a prize pool of 156000', async () => {
    const summary = await check('000-jjj-social-security-card-2025.yaml');
    expect(summary.id).toBe('jjj-social-security-card-2025');
    expect(summary.divisions.map((d: { id: string }) => d.id)).toEqual(['publicity', 'app-dev/campus', 'app-dev/social', 'case-selection']);
    expect(summary.prizePoolCny).toBe(156000);
    expect(summary.phases[0]).toMatchObject({ id: 'registration', start: '2025-05-12T00:00:00+08:00', end: '2025-09-09T23:59:59+08:00' });
  });

  it('gives 001 three divisions and 1280000, 002 five divisions, 004 fifteen tracks', async () => {
    const [s001, s002, s004] = await Promise.all([
      check('001-hebei-smart-government-data-2022.yaml'),
      check('002-yangquan-medical-e-voucher-works-2022.yaml'),
      check('004-hebei-data-elements-2025.yaml'),
    ]);
    expect([s001.divisions.length, s001.prizePoolCny]).toEqual([3, 1280000]);
    expect(s002.divisions.map((d: { id: string }) => d.id)).toEqual([
      'works/graphic-design',
      'works/video',
      'works/cultural-creative',
      'works/copywriting',
      'ambassador',
    ]);
    expect(s004.tracks).toHaveLength(15);
  });

  it('lists the review rounds: divisions ranked, criteria with their scales, the vote weight, how many advance', async () => {
    const [s000, s003] = await Promise.all([check('000-jjj-social-security-card-2025.yaml'), check('003-ilo-digital-social-security-hackathon-2021.yaml')]);
    expect(s000.rounds[0]).toMatchObject({ id: 'preliminary', divisions: s000.divisions.map((d: { id: string }) => d.id), criteria: [], publicVoteWeight: 50 });
    expect(s000.rounds[0].advance).toEqual({ perDivision: 10, total: null, advancing: 40 });
    expect(s003.rounds[1].criteria[0]).toEqual({ id: 'innovation', weight: 30, min: 0, max: 100 });
    expect(s003.rounds.map((r: { advance: { advancing: number | null } }) => r.advance.advancing)).toEqual([20, 5, null]);
  });

  it('lists the votes Leitai runs: limits, when counts are shown, the entries voted on and what the votes decide', async () => {
    expect((await check('002-yangquan-medical-e-voucher-works-2022.yaml')).voting).toEqual([
      {
        phase: 'public-vote',
        name: '大众点评',
        start: '2022-10-10T00:00:00+08:00',
        end: '2022-10-15T23:59:59+08:00',
        limits: { perDay: null, perEntryPerDay: null, perEntry: null, perDivision: 1, total: null },
        inWords: ['每个赛道（组别、类别）最多投 1 票'],
        showCounts: 'after-review',
        round: 'public-vote',
        divisions: ['works/graphic-design', 'works/video', 'works/cultural-creative', 'works/copywriting', 'ambassador'],
        publicVoteWeight: 100,
        awards: ['gold', 'silver', 'bronze', 'ambassador'],
      },
    ]);
  });

  it('adds the phases open at --at, by the contest time zone', async () => {
    const lastSecond = await check('000-jjj-social-security-card-2025.yaml', '--at', '2025-09-09T23:59:59+08:00');
    const nextDay = await check('000-jjj-social-security-card-2025.yaml', '--at', '2025-09-09T16:00:00Z');
    expect(lastSecond.phaseAt).toEqual(['registration']);
    expect(nextDay.phaseAt).toEqual([]);
  });

  it('reads --at without an offset in the contest time zone, not the machine one', async () => {
    const lastMinute = await check('000-jjj-social-security-card-2025.yaml', '--at', '2025-09-09T23:59:00');
    const nextDay = await check('000-jjj-social-security-card-2025.yaml', '--at', '2025-09-10T00:00:00');
    expect([lastMinute.phaseAt, nextDay.phaseAt]).toEqual([['registration'], []]);
  });

  it('refuses an --at that is a date alone', async () => {
    const result = await run('contest', 'check', 'contests/000-jjj-social-security-card-2025.yaml', '--at', '2025-09-09');
    expect([result.code, result.stderr.trim()]).toEqual([
      1,
      "--at: expected an ISO-8601 time like 2025-09-09T23:59:00 (read in the contest's time zone, Asia/Shanghai) or 2025-09-09T23:59:00+08:00, got 2025-09-09",
    ]);
  });

  it('ends quietly, with no stack trace, when the reader of its output stops early (| head)', async () => {
    const child = spawn('node', ['bin/leitai.mjs', 'contest', 'check', 'contests/004-hebei-data-elements-2025.yaml', '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Closed before the command writes a byte, so its first write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect([code, stderr]).toEqual([0, '']);
  });

  it('exits non-zero on an invalid file with the file, line and path of each error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leitai-'));
    const file = join(dir, 'x.yaml');
    await writeFile(
      file,
      [
        'id: x',
        'name: 测试',
        'format: marathon',
        'organisers: [{ role: host, name: 某 }]',
        'tracks:',
        '  - id: a',
        '    name: A',
        '    rules:',
        '      - rule: teamSize',
        '        max: ten',
        'phases:',
        '  - { id: r, kind: registration, name: 报名, start: 2025-05-12, end: 2025-05-01 }',
        '',
      ].join('\n'),
    );
    const result = await run('contest', 'check', file);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `${file}:3 format: Invalid option: expected one of "innovation-contest"|"hackathon"|"works-call"`,
      `${file}:10 tracks[0].rules[0].max: expected a number, got string`,
    ]);
  });
});

describe('leitai contest schema and copy', () => {
  it('prints a JSON Schema that names the rule vocabulary', async () => {
    const schema = JSON.parse((await run('contest', 'schema')).stdout);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(JSON.stringify(schema)).toContain('"exclusiveMembers"');
  });

  it('copies 000 to a new edition whose registration opens on the given day, every phase keeping its length', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'leitai-'));
    const out = join(dir, 'next.yaml');
    expect((await run('contest', 'copy', 'contests/000-jjj-social-security-card-2025.yaml', '--registration-opens', '2026-05-11', '--out', out)).code).toBe(0);
    const copy = JSON.parse((await run('contest', 'check', out, '--json')).stdout);
    expect(copy.id).toBe('jjj-social-security-card-2026');
    expect(copy.phases.map((p: { id: string; start: string; end: string }) => [p.id, p.start, p.end])).toEqual([
      ['registration', '2026-05-11T00:00:00+08:00', '2026-09-08T23:59:59+08:00'],
      ['preliminary', '2026-09-11T00:00:00+08:00', '2026-09-15T23:59:59+08:00'],
      ['public-vote', '2026-09-11T00:00:00+08:00', '2026-09-15T23:59:59+08:00'],
      ['final', '2026-09-27T00:00:00+08:00', '2026-09-27T23:59:59+08:00'],
    ]);
  });
});
