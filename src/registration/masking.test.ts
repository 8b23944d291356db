import { describe, expect, it } from 'vitest';
import { entryOf, person, phone } from '../../test/support/factories.ts';
import { prepareEntry } from './masking.ts';

const stored = entryOf('000', {
  trackId: 'app-dev',
  groupId: 'social',
  entrantKind: 'team',
  teamName: '团队',
  members: [person(2, { idNumber: '11010519491231002X', email: 'zhang@example.com' }), person(3)],
});

describe('the entry as it will be checked and stored', () => {
  it('takes the stored value for each masked value the edit form sends back', () => {
    const sentBack = {
      ...stored,
      members: [
        { name: '参赛者2', phone: '139****0002', idNumber: '1101**********2X', email: 'z***@example.com' },
        { name: '参赛者3', phone: '139****0003' },
      ],
    };
    expect(prepareEntry(sentBack, stored)).toEqual({ entry: stored, problems: [] });
  });
  it('keeps a value the leader changed, canonical', () => {
    const changed = { ...stored, members: [{ ...stored.members[0], phone: '+86 139 0000 0009' }, stored.members[1]] };
    expect(prepareEntry(changed, stored).entry.members[0].phone).toBe(phone(9));
  });
  it('refuses a mask no stored person of that name has, so a mask is never stored as the value', () => {
    const renamed = { ...stored, members: [{ name: '改名了', phone: '139****0002' }] };
    expect(prepareEntry(renamed, stored).problems).toEqual([
      {
        code: 'person.masked_value',
        message: {
          zh: '改名了 的手机号是隐藏后的显示值，请填写完整的手机号',
          en: 'The phone number of 改名了 is the hidden form shown on screen; give the full phone number',
        },
        path: 'members[0].phone',
      },
    ]);
    expect(prepareEntry({ ...stored, leader: { name: '参赛者1', phone: '139****0001' } }).problems.map((p) => p.path)).toEqual(['leader.phone']);
  });
});
