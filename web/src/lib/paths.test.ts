import { describe, expect, it } from 'vitest';
import type { Problem } from '../api/types.ts';
import { fieldName, getIn, placeProblems, setIn, topKey } from './paths.ts';

const problem = (code: string, path?: string): Problem => ({ code, message: { zh: code, en: code }, ...(path ? { path } : {}) });

describe('field names from problem paths', () => {
  it('turns bracketed indices into dotted field names', () => {
    expect(fieldName('members[2].idNumber')).toBe('members.2.idNumber');
    expect(fieldName('organisations[0].creditCode')).toBe('organisations.0.creditCode');
    expect(fieldName('leader.phone')).toBe('leader.phone');
    expect(fieldName('teamName')).toBe('teamName');
    expect(fieldName('members.1.name')).toBe('members.1.name');
  });
});

describe('getIn and setIn', () => {
  const input = { title: 'x', leader: { name: '张三' }, members: [{ name: 'a' }, { name: 'b' }] };

  it('reads a value at a dotted path', () => {
    expect(getIn(input, 'members.1.name')).toBe('b');
    expect(getIn(input, 'leader.phone')).toBeUndefined();
    expect(getIn(input, 'advisors.0.name')).toBeUndefined();
  });

  it('sets a value at a dotted path without changing the original, keeping arrays', () => {
    const next = setIn(input, 'members.1.name', '李四');
    expect(next).toEqual({ title: 'x', leader: { name: '张三' }, members: [{ name: 'a' }, { name: '李四' }] });
    expect(Array.isArray(next.members)).toBe(true);
    expect(input.members[1].name).toBe('b');
    expect(next.leader).toBe(input.leader);
  });

  it('creates what is missing on the way', () => {
    expect(setIn({ advisors: [] as { name: string }[] }, 'advisors.0.name', '王老师')).toEqual({ advisors: [{ name: '王老师' }] });
    expect(setIn({}, 'leader.phone', '138')).toEqual({ leader: { phone: '138' } });
  });
});

describe('placeProblems', () => {
  const known = new Set(['title', 'teamName', 'members', 'members.0', 'members.0.name', 'members.2', 'members.2.idNumber', 'leader', 'leader.phone']);

  it('puts each problem beside the field its path names', () => {
    const placed = placeProblems([problem('id.invalid', 'members[2].idNumber'), problem('phone.invalid', 'leader.phone')], known);
    expect(placed.get('members.2.idNumber')?.map((p) => p.code)).toEqual(['id.invalid']);
    expect(placed.get('leader.phone')?.map((p) => p.code)).toEqual(['phone.invalid']);
    expect(placed.has(topKey)).toBe(false);
  });

  it('falls back to the nearest enclosing field, then to the top', () => {
    const placed = placeProblems(
      [problem('team.too_large', 'members'), problem('student.required', 'members[0].isFullTimeStudent'), problem('x', 'unknown.path'), problem('closed')],
      known,
    );
    expect(placed.get('members')?.map((p) => p.code)).toEqual(['team.too_large']);
    expect(placed.get('members.0')?.map((p) => p.code)).toEqual(['student.required']);
    expect(placed.get(topKey)?.map((p) => p.code)).toEqual(['x', 'closed']);
  });
});
