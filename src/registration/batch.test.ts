import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedDefinition } from '../../test/support/factories.ts';
import { validateBatch } from './batch.ts';

const contest = seedDefinition('001');
const example = JSON.parse(readFileSync(new URL('../../examples/registrations-001.json', import.meta.url), 'utf8')).registrations;

describe('a batch of registrations, as a bulk import checks it', () => {
  it('accepts the first team and refuses a later team that shares its member, and a team of 11', () => {
    expect(validateBatch(contest, example).map((r) => [r.ref, r.ok, r.errors.map((e) => e.code)])).toEqual([
      ['A-001', true, []],
      ['A-002', false, ['team.member_in_other_team']],
      ['A-003', false, ['team.too_large']],
    ]);
  });

  it('does not let a refused registration block the ones after it', () => {
    const [first, second] = example;
    const broken = { ...first, ref: 'B-000', declarations: [] };
    expect(validateBatch(contest, [broken, second]).map((r) => r.ok)).toEqual([false, true]);
  });

  it('reports a registration of the wrong shape with the path of the field', () => {
    const [result] = validateBatch(contest, [{ ref: 'X', title: 3 }]);
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => [e.code, e.path])).toContainEqual(['request.invalid', 'title']);
    expect(result.errors.find((e) => e.path === 'title')?.message).toEqual({ zh: '作品名称应为文本', en: 'The title must be text' });
  });

  it('refuses a ref used twice and numbers registrations without one', () => {
    const [first] = example;
    const results = validateBatch(contest, [
      first,
      { ...first, title: '另一个' },
      { ...first, ref: undefined, leader: { name: '新', phone: '13900000077' }, members: [], title: '第三个' },
    ]);
    expect(results.map((r) => [r.ref, r.errors.map((e) => e.code)])).toEqual([
      ['A-001', []],
      // All three people of the second are on the first team already.
      ['A-001', ['batch.duplicate_ref', 'team.member_in_other_team', 'team.member_in_other_team', 'team.member_in_other_team']],
      ['#3', []],
    ]);
  });

  it('checks the registration window when given a time', () => {
    expect(validateBatch(contest, [example[0]], new Date('2022-06-20T23:59:59+08:00'))[0].ok).toBe(true);
    expect(validateBatch(contest, [example[0]], new Date('2022-06-21T00:00:00+08:00'))[0].errors.map((e) => e.code)).toEqual(['registration.closed']);
  });
});
