import { describe, expect, it } from 'vitest';
import { parseDefinition } from './load.ts';

const minimal = (phases: string) =>
  ['id: x', 'name: 测试', 'format: hackathon', 'organisers: [{ role: host, name: 某 }]', 'tracks:', '  - id: a', '    name: A', 'phases:', phases, ''].join(
    '\n',
  );

describe('loading a definition', () => {
  it('reports checks across the definition once its fields are well formed', () => {
    const result = parseDefinition(minimal('  - { id: r, kind: registration, name: 报名, start: 2025-05-12, end: 2025-05-01 }'), 'x.yaml');
    expect(result).toEqual({
      ok: false,
      errors: [{ file: 'x.yaml', line: 9, column: 68, path: 'phases[0].end', message: 'ends (2025-05-01) before it starts (2025-05-12)' }],
    });
  });

  it('reports a YAML syntax error with its line', () => {
    const result = parseDefinition('id: x\nname: [unclosed\n', 'y.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ file: 'y.yaml', line: 3, path: '' });
  });

  it('reports a missing key at its parent and an unknown key by name', () => {
    const result = parseDefinition(
      minimal('  - { id: r, kind: registration, name: 报名, start: 2025-05-12, end: 2025-05-13, colour: red }').replace('    name: A\n', ''),
      'z.yaml',
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => `${e.line} ${e.path}: ${e.message}`)).toEqual(['6 tracks[0].name: expected a string', '8 phases[0]: unknown key colour']);
    }
  });

  it('fills the defaults an organiser leaves out: Asia/Shanghai, free, no zones', () => {
    const result = parseDefinition(minimal('  - { id: r, kind: registration, name: 报名, start: 2025-05-12, end: 2025-05-13 }'));
    expect(result.ok && [result.definition.timeZone, result.definition.free, result.definition.zones]).toEqual(['Asia/Shanghai', true, []]);
  });

  it('refuses a time zone that does not exist and an award for an unknown division', () => {
    const source =
      minimal('  - { id: r, kind: registration, name: 报名, start: 2025-05-12, end: 2025-05-13 }') +
      'timeZone: Mars/Olympus\nawards:\n  groups:\n    - divisions: [b]\n      tiers: [{ id: first, name: 一等奖, count: 1, prizeCny: 100 }]\n';
    const result = parseDefinition(source, 'w.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(['timeZone', 'awards.groups[0].divisions[0]']);
  });

  it('refuses an announcement link that is not http or https (javascript:, data:) and accepts https', () => {
    const withLink = (url: string) =>
      parseDefinition(
        minimal('  - { id: r, kind: registration, name: 报名, start: 2025-05-12, end: 2025-05-13 }') + `announcement: { title: 公告, url: "${url}" }\n`,
        'u.yaml',
      );
    const expected = { file: 'u.yaml', line: 10, path: 'announcement.url', message: 'expected a web address starting with http:// or https://' };
    expect(withLink('javascript:alert(1)')).toMatchObject({ ok: false, errors: [expected] });
    expect(withLink('data:text/html,<script>alert(1)</script>')).toMatchObject({ ok: false, errors: [expected] });
    expect(withLink('https://www.example.cn/notice/1.html')).toMatchObject({ ok: true });
  });
  it('refuses a requirement of the works handed in during a phase the definition does not have', () => {
    const source =
      minimal('  - { id: r, kind: registration, name: 报名, start: 2025-05-12, end: 2025-05-13 }') +
      'works:\n  fields:\n    - { id: a, name: 提案, type: text, phase: r }\n    - { id: b, name: 链接, type: url, phase: workshop }\n';
    expect(parseDefinition(source, 'p.yaml')).toMatchObject({
      ok: false,
      errors: [{ file: 'p.yaml', path: 'works.fields[1].phase', message: 'unknown phase workshop' }],
    });
  });

  it('leaves preTax unset where the definition does not say, rather than stating after tax', () => {
    const result = parseDefinition(minimal('  - { id: r, kind: registration, name: 报名, start: 2025-05-12, end: 2025-05-13 }'));
    expect(result.ok && result.definition.awards).toEqual({ oneAwardPerEntry: false, groups: [] });
  });

  it('refuses a NUL or a lone surrogate written as a YAML escape, at its line, before it reaches the database', () => {
    for (const escape of ['\\0', '\\ud800']) {
      const source = minimal('  - { id: r, kind: registration, name: 报名, start: 2025-05-12, end: 2025-05-13 }').replace(
        '    name: A',
        `    name: "A${escape}"`,
      );
      expect(parseDefinition(source, 'n.yaml')).toEqual({
        ok: false,
        errors: [{ file: 'n.yaml', line: 7, column: 11, path: 'tracks[0].name', message: 'contains a NUL or a lone surrogate, which cannot be stored' }],
      });
    }
  });
});
