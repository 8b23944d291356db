import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requiredText } from '../text.ts';
import { fieldLabel } from './field-labels.ts';
import { schemaProblems } from './schema-problems.ts';

const person = z.object({ name: requiredText({ max: 50 }), phone: z.string().max(24).optional(), email: z.email().or(z.literal('')).optional() });
const entry = z
  .object({
    title: requiredText({ max: 100 }),
    trackId: z.string().min(1),
    entrantKind: z.enum(['individual', 'team']),
    leader: person,
    members: z.array(person).max(2).default([]),
    experienceYears: z.number().min(0).max(80).optional(),
    teamName: z.string().min(2).optional(),
    isLead: z.boolean().optional(),
  })
  .strict();

const valid = { title: '社保卡智慧应用', trackId: 'app-dev', entrantKind: 'team', leader: { name: '张三' } };

/** The problems a body gets, as [path, code, zh, en]. */
const problemsOf = (body: Record<string, unknown>) => {
  const parsed = entry.safeParse(body);
  if (parsed.success) return [];
  return schemaProblems(parsed.error.issues, body).map((p) => [p.path, p.code, p.message.zh, p.message.en]);
};

describe('schema refusals in words', () => {
  it('asks for an empty required text field by its name, keeping text.empty as the code', () => {
    expect(problemsOf({ ...valid, leader: { name: '  ' } })).toEqual([['leader.name', 'text.empty', '请填写负责人姓名', "Enter the leader's name"]]);
  });

  it('asks for a field left out, and to choose a field picked from a list', () => {
    expect(problemsOf({ title: '作品', leader: { name: '张三' } })).toEqual([
      ['trackId', 'invalid_type', '请选择赛道', 'Choose the track'],
      ['entrantKind', 'invalid_value', '请选择报名方式', 'Choose the kind of entry'],
    ]);
  });

  it('gives a text limit in characters with the field name (too_big, text.too_long)', () => {
    expect(problemsOf({ ...valid, title: '长'.repeat(101), leader: { name: '张三', phone: '1'.repeat(25) } })).toEqual([
      ['title', 'text.too_long', '作品名称最多 100 个字', 'The title has at most 100 characters'],
      ['leader.phone', 'too_big', '负责人手机号最多 24 个字', "The leader's phone number has at most 24 characters"],
    ]);
  });

  it('gives a minimum length in characters, one character in the singular (too_small)', () => {
    expect(problemsOf({ ...valid, teamName: 'a' })).toEqual([['teamName', 'too_small', '团队名称至少 2 个字', 'The team name needs at least 2 characters']]);
    expect(problemsOf({ ...valid, trackId: '' })).toEqual([['trackId', 'too_small', '请选择赛道', 'Choose the track']]);
  });

  it('gives number limits as numbers and list limits in people (too_small, too_big on numbers and arrays)', () => {
    expect(problemsOf({ ...valid, experienceYears: -1 })).toEqual([
      ['experienceYears', 'too_small', '工作年限不能小于 0', 'The years of work experience must be at least 0'],
    ]);
    expect(problemsOf({ ...valid, experienceYears: 81 })).toEqual([
      ['experienceYears', 'too_big', '工作年限不能大于 80', 'The years of work experience must be at most 80'],
    ]);
    const three = [{ name: '甲' }, { name: '乙' }, { name: '丙' }];
    expect(problemsOf({ ...valid, members: three })).toEqual([['members', 'too_big', '成员最多 2 人', 'At most 2 members']]);
  });

  it('numbers a list item from 1 and names its field (members[2].email, invalid_format through a union)', () => {
    const members = [{ name: '甲' }, { name: '乙' }, { name: '丙', email: 'not-an-email' }];
    const parsed = z.object({ members: z.array(person) }).safeParse({ members });
    const problems = schemaProblems(parsed.error!.issues, { members });
    expect(problems).toEqual([
      {
        path: 'members[2].email',
        code: 'invalid_format',
        message: { zh: '成员 3 的邮箱不是有效的邮箱地址', en: "Member 3's email address is not a valid email address" },
      },
    ]);
  });

  it('says what kind of value a field takes when it has another (invalid_type)', () => {
    expect(problemsOf({ ...valid, isLead: 'yes', experienceYears: '3' })).toEqual([
      ['experienceYears', 'invalid_type', '工作年限应为数字', 'The years of work experience must be a number'],
      ['isLead', 'invalid_type', '是否牵头单位应为是或否', 'The lead organisation answer must be yes or no'],
    ]);
  });

  it('lists the allowed values of an enum (invalid_value)', () => {
    expect(problemsOf({ ...valid, entrantKind: 'robot' })).toEqual([
      ['entrantKind', 'invalid_value', '报名方式须为以下之一：individual、team', 'The kind of entry must be one of: individual, team'],
    ]);
  });

  it('names unknown fields, singular for one (unrecognized_keys)', () => {
    expect(problemsOf({ ...valid, colour: 'red' })).toEqual([
      ['', 'unrecognized_keys', '请求内容含有未知的字段：colour', 'The request has unknown field: colour'],
    ]);
    expect(problemsOf({ ...valid, colour: 'red', size: 2 })).toEqual([
      ['', 'unrecognized_keys', '请求内容含有未知的字段：colour、size', 'The request has unknown fields: colour, size'],
    ]);
  });

  it('names the field of a text refusal that carries its own code (text.invalid_character) and of any other custom refusal', () => {
    expect(problemsOf({ ...valid, title: '社保\u202e卡' })).toEqual([
      [
        'title',
        'text.invalid_character',
        '作品名称含有不允许的字符（文字方向控制符）',
        'The title contains a character that is not allowed (a bidirectional control)',
      ],
    ]);
    const custom = z.object({ reason: z.string().refine(() => false) }).safeParse({ reason: 'x' });
    expect(schemaProblems(custom.error!.issues, { reason: 'x' }).map((p) => [p.code, p.message.en])).toEqual([['custom', 'The reason is not valid']]);
  });

  it('shows a path it has no name for as written, prefixed by the request part outside the body', () => {
    const query = z.object({ registrationId: z.uuid() }).safeParse({ registrationId: 'x' });
    expect(schemaProblems(query.error!.issues, { registrationId: 'x' }, 'querystring')).toEqual([
      {
        path: 'querystring.registrationId',
        code: 'invalid_format',
        message: { zh: '字段 querystring.registrationId的格式不正确', en: 'The field querystring.registrationId is not in the right format' },
      },
    ]);
  });
});

describe('field labels', () => {
  it('name the fields of people, organisations and sign-up in both languages', () => {
    const labels = [
      ['title'],
      ['leader', 'idNumber'],
      ['members', 0, 'name'],
      ['advisors', '1', 'school'],
      ['organisations', 2, 'name'],
      ['organisations', 0, 'creditCode'],
      ['declarations', 0],
      ['person', 'phone'],
      ['password'],
    ].map((path) => {
      const { zh, en } = fieldLabel(path);
      return [zh, en];
    });
    expect(labels).toEqual([
      ['作品名称', 'the title'],
      ['负责人身份证号', "the leader's ID number"],
      ['成员 1 的姓名', "member 1's name"],
      ['指导老师 2 的学校', "advisor 2's school"],
      ['单位 3 的名称', "organisation 3's name"],
      ['单位 1 的统一社会信用代码', "organisation 1's unified social credit code"],
      ['承诺事项 1', 'declaration 1'],
      ['本人手机号', 'your phone number'],
      ['密码', 'the password'],
    ]);
  });
});
