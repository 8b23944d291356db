import { describe, expect, it } from 'vitest';
import { findConflicts, type Declared, type EntryKeys, type JudgeKeys } from './rules.ts';

const judge = (id: string, extra: Partial<JudgeKeys> = {}): JudgeKeys => ({
  id,
  accountId: null,
  organisation: '',
  employer: '',
  school: '',
  idNumber: null,
  phone: null,
  email: null,
  ...extra,
});

const entry = (id: string, extra: Partial<EntryKeys> = {}): EntryKeys => ({
  id,
  accounts: [],
  organisations: [],
  people: [{ role: 'leader', name: '参赛者1', phone: '13900000001' }],
  ...extra,
});

type Target = Declared extends infer D ? (D extends Declared ? Omit<D, 'id' | 'judgeId' | 'note'> : never) : never;
const declared = (judgeId: string, what: Target & { note?: string }): Declared => ({ id: `${judgeId}-${JSON.stringify(what)}`, judgeId, note: '', ...what });

describe('conflicts Leitai finds', () => {
  it("finds the judge's organisation as an entrant organisation, written in traditional characters and full-width spaces", () => {
    const found = findConflicts([judge('j1', { organisation: '河北省医疗保障局' })], [entry('e1', { organisations: ['河北省醫療　保障局'] })], []);
    expect(found).toEqual([
      {
        judgeId: 'j1',
        registrationId: 'e1',
        reasons: [
          {
            kind: 'organisation',
            detail: {
              zh: '评委的所在单位「河北省医疗保障局」与该作品的参赛单位相同',
              en: 'The judge\'s organisation "河北省医疗保障局" is the same as the entry\'s entrant organisation',
            },
          },
        ],
      },
    ]);
  });

  it("finds the judge's employer as an advisor's school and a member's employer, and the judge's school as the leader's", () => {
    const entries = [
      entry('e1', {
        people: [
          { role: 'leader', name: '参赛者1', school: '河北大学' },
          { role: 'member', name: '参赛者2', employer: '清华大学' },
          { role: 'advisor', name: '老师', school: '清华大学' },
        ],
      }),
    ];
    const [conflict] = findConflicts([judge('j1', { employer: '清华大学', school: '河北大学' })], entries, []);
    expect(conflict.reasons).toEqual([
      {
        kind: 'employer',
        detail: {
          zh: '评委的工作单位「清华大学」与该作品的成员的工作单位、指导老师的学校相同',
          en: "The judge's employer \"清华大学\" is the same as the entry's member's employer, advisor's school",
        },
      },
      {
        kind: 'school',
        detail: { zh: '评委的学校「河北大学」与该作品的负责人的学校相同', en: "The judge's school \"河北大学\" is the same as the entry's leader's school" },
      },
    ]);
  });

  it('finds the same person by ID number with a lower-case x and by a phone written with +86 and dashes', () => {
    const entries = [
      entry('e1', { people: [{ role: 'member', name: '参赛者2', idNumber: '11010519491231002X' }] }),
      entry('e2', { people: [{ role: 'leader', name: '参赛者3', phone: '13912345678' }] }),
    ];
    const judges = [judge('j1', { idNumber: '11010519491231002x' }), judge('j2', { phone: '+86 139-1234-5678' })];
    expect(findConflicts(judges, entries, [])).toEqual([
      {
        judgeId: 'j1',
        registrationId: 'e1',
        reasons: [{ kind: 'person', detail: { zh: '评委本人是该作品的成员（身份证号相同）', en: "The judge is the entry's member (same ID number)" } }],
      },
      {
        judgeId: 'j2',
        registrationId: 'e2',
        reasons: [{ kind: 'person', detail: { zh: '评委本人是该作品的负责人（手机号相同）', en: "The judge is the entry's leader (same phone)" } }],
      },
    ]);
  });

  it("finds the same person by email in any case, and by account: the entry's registrant or a confirmed member", () => {
    const entries = [
      entry('e1', { people: [{ role: 'advisor', name: '老师', email: 'Teacher@Example.com' }] }),
      entry('e2', { accounts: [{ accountId: 'acc-1', role: 'owner' }] }),
      entry('e3', { accounts: [{ accountId: 'acc-1', role: 'member' }] }),
    ];
    const found = findConflicts([judge('j1', { email: ' teacher@example.COM', accountId: 'acc-1' })], entries, []);
    expect(found.map((c) => [c.registrationId, c.reasons[0].detail.zh])).toEqual([
      ['e1', '评委本人是该作品的指导老师（邮箱相同）'],
      ['e2', '评委本人是该作品的报名人（账号相同）'],
      ['e3', '评委本人是该作品的成员（账号相同）'],
    ]);
  });

  it('names both roles of someone listed as a member and as an advisor, in one reason', () => {
    const people = [
      { role: 'member' as const, name: '张三', phone: '13900000009', school: '河北大学' },
      { role: 'advisor' as const, name: '张三', phone: '139 0000 0009', school: '河北大学' },
    ];
    const [conflict] = findConflicts([judge('j1', { phone: '13900000009', school: '河北大学' })], [entry('e1', { people })], []);
    expect(conflict.reasons.map((r) => r.detail.zh)).toEqual([
      '评委的学校「河北大学」与该作品的成员的学校、指导老师的学校相同',
      '评委本人是该作品的成员、指导老师（手机号相同）',
    ]);
  });

  it('never matches empty or blank values, on either side', () => {
    const judges = [judge('j1', { organisation: ' ', employer: '', school: '\u200b', email: '  ' })];
    const entries = [entry('e1', { organisations: [''], people: [{ role: 'leader', name: '参赛者1', school: '', employer: ' ', email: '  ' }] })];
    expect(findConflicts(judges, entries, [])).toEqual([]);
  });

  it('finds nothing between a judge and entries that share no organisation or person', () => {
    const judges = [judge('j1', { organisation: '河北省医疗保障局', phone: '13900000099', accountId: 'acc-9' })];
    const entries = [entry('e1', { organisations: ['河北省人社厅'], accounts: [{ accountId: 'acc-1', role: 'owner' }] })];
    expect(findConflicts(judges, entries, [])).toEqual([]);
  });
});

describe('conflicts a judge declares', () => {
  it('holds an entry declared, with its note', () => {
    const found = findConflicts([judge('j1')], [entry('e1'), entry('e2')], [declared('j1', { kind: 'entry', registrationId: 'e2', note: '曾指导该团队' })]);
    expect(found).toEqual([
      {
        judgeId: 'j1',
        registrationId: 'e2',
        reasons: [
          {
            kind: 'declared-entry',
            detail: { zh: '评委申报回避该作品（说明：曾指导该团队）', en: 'The judge declared a conflict with this entry (note: 曾指导该团队)' },
          },
        ],
      },
    ]);
  });

  it("matches a declared organisation against an entry's organisations and its people's schools and employers", () => {
    const entries = [
      entry('e1', { organisations: ['石家庄某科技有限公司'] }),
      entry('e2', { people: [{ role: 'member', name: '参赛者2', employer: '石家庄某科技有限公司 ' }] }),
      entry('e3'),
    ];
    const found = findConflicts([judge('j1')], entries, [declared('j1', { kind: 'organisation', organisation: '石家庄某科技有限公司' })]);
    expect(found.map((c) => [c.registrationId, c.reasons[0].kind, c.reasons[0].detail.zh])).toEqual([
      ['e1', 'declared-organisation', '评委申报回避单位「石家庄某科技有限公司」：该作品的参赛单位'],
      ['e2', 'declared-organisation', '评委申报回避单位「石家庄某科技有限公司」：该作品的成员的工作单位'],
    ]);
  });

  it('matches a declared person by identifier in its canonical form, whatever name was given with it', () => {
    const entries = [
      entry('e1', { people: [{ role: 'advisor', name: '李四', phone: '13900000007' }] }),
      entry('e2', { people: [{ role: 'leader', name: '王五', idNumber: '11010519491231002X' }] }),
      entry('e3', { people: [{ role: 'leader', name: '李四', phone: '13900000008' }] }),
    ];
    const declarations = [
      declared('j1', { kind: 'person', name: '李四', identifier: '+86 13900000007' }),
      declared('j1', { kind: 'person', name: null, identifier: '11010519491231002x' }),
    ];
    expect(findConflicts([judge('j1')], entries, declarations).map((c) => [c.registrationId, c.reasons.map((r) => r.detail)])).toEqual([
      ['e1', [{ zh: '评委申报回避人员「李四」：该作品的指导老师', en: 'The judge declared a conflict with "李四": the entry\'s advisor' }]],
      ['e2', [{ zh: '评委申报回避人员：该作品的负责人', en: "The judge declared a conflict with a person: the entry's leader" }]],
    ]);
  });

  it('matches a declared name alone only to a person of exactly that name', () => {
    const entries = [entry('e1', { people: [{ role: 'member', name: '赵六' }] }), entry('e2', { people: [{ role: 'member', name: '赵六六' }] })];
    const found = findConflicts([judge('j1')], entries, [declared('j1', { kind: 'person', name: ' 赵六 ', identifier: null })]);
    expect(found.map((c) => c.registrationId)).toEqual(['e1']);
  });

  it('lists declared reasons before found ones, and ignores declarations of judges not given', () => {
    const entries = [entry('e1', { organisations: ['河北大学'] })];
    const declarations = [declared('j1', { kind: 'entry', registrationId: 'e1' }), declared('gone', { kind: 'entry', registrationId: 'e1' })];
    const found = findConflicts([judge('j1', { school: '河北大学' })], entries, declarations);
    expect(found.map((c) => [c.judgeId, c.reasons.map((r) => r.kind)])).toEqual([['j1', ['declared-entry', 'school']]]);
  });
});
