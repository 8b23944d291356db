/**
 * What a request field is called in a message: `leader.name` is 负责人姓名 / the leader's name,
 * `members[2].phone` 成员 3 的手机号 / member 3's phone number. The table holds the fields people
 * fill in (registration, sign-up, sign-in); any other path is shown as written.
 */
import type { LocalisedText } from '../errors.ts';
import type { IssuePath } from './schema-problems.ts';

export interface FieldLabel extends LocalisedText {
  /** Picked from a list (请选择 / Choose) rather than typed (请填写 / Enter). */
  choice?: boolean;
  /** What a list counts, for its limits: 人 / member. */
  unit?: LocalisedText;
}

type Word = FieldLabel;

/** Fields by their key; English without an article (the label adds "the" or the owner). */
const fields: Record<string, Word> = {
  title: { zh: '作品名称', en: 'title' },
  teamName: { zh: '团队名称', en: 'team name' },
  entrantKind: { zh: '报名方式', en: 'kind of entry', choice: true },
  trackId: { zh: '赛道', en: 'track', choice: true },
  groupId: { zh: '组别', en: 'group', choice: true },
  categoryId: { zh: '作品类别', en: 'category', choice: true },
  topicId: { zh: '赛题', en: 'topic', choice: true },
  zoneId: { zh: '赛区', en: 'zone', choice: true },
  name: { zh: '姓名', en: 'name' },
  phone: { zh: '手机号', en: 'phone number' },
  email: { zh: '邮箱', en: 'email address' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  isFullTimeStudent: { zh: '是否全日制在校生', en: 'full-time student answer', choice: true },
  school: { zh: '学校', en: 'school' },
  employer: { zh: '工作单位', en: 'employer' },
  employerType: { zh: '工作单位类型', en: 'employer type', choice: true },
  experienceYears: { zh: '工作年限', en: 'years of work experience' },
  type: { zh: '单位类型', en: 'organisation type', choice: true },
  isLead: { zh: '是否牵头单位', en: 'lead organisation answer', choice: true },
  hasLegalEntity: { zh: '是否具有独立法人资格', en: 'legal entity answer', choice: true },
  creditCode: { zh: '统一社会信用代码', en: 'unified social credit code' },
  members: { zh: '成员', en: 'members', unit: { zh: '人', en: 'member' } },
  advisors: { zh: '指导老师', en: 'advisors', unit: { zh: '人', en: 'advisor' } },
  organisations: { zh: '参赛单位', en: 'organisations', unit: { zh: '家', en: 'organisation' } },
  declarations: { zh: '承诺事项', en: 'declarations', unit: { zh: '项', en: 'declaration' } },
  password: { zh: '密码', en: 'password' },
  displayName: { zh: '显示名称', en: 'display name' },
  reason: { zh: '理由', en: 'reason' },
  person: { zh: '个人信息', en: 'your details' },
};

/** Who a field belongs to: the leader's, member 3's. */
const owners: Record<string, LocalisedText> = {
  leader: { zh: '负责人', en: 'the leader' },
  person: { zh: '本人', en: 'your' },
};

/** One item of a list, numbered from 1 as the form shows it. */
const items: Record<string, LocalisedText> = {
  members: { zh: '成员', en: 'member' },
  advisors: { zh: '指导老师', en: 'advisor' },
  organisations: { zh: '单位', en: 'organisation' },
  declarations: { zh: '承诺事项', en: 'declaration' },
};

/** A field's own name under an owner: an organisation's name is its 名称, a person's their 姓名. */
const fieldUnder = (list: string | undefined, key: string): Word | undefined =>
  list === 'organisations' && key === 'name' ? { zh: '名称', en: 'name' } : fields[key];

const isIndex = (segment: PropertyKey) => typeof segment === 'number' || /^\d+$/.test(String(segment));

const possessive = (owner: string) => (owner === 'your' ? 'your' : `${owner}'s`);

function label(path: IssuePath): FieldLabel | undefined {
  const [first, second, third, ...rest] = path.map((s) => (typeof s === 'symbol' ? (s.description ?? '') : s));
  if (rest.length > 0 || first === undefined) return undefined;
  const key = String(first);
  if (second === undefined) {
    const word = fields[key];
    return word && { ...word, en: `the ${word.en}` };
  }
  if (isIndex(second)) {
    const item = items[key];
    if (!item) return undefined;
    const numbered = { zh: `${item.zh} ${Number(second) + 1}`, en: `${item.en} ${Number(second) + 1}` };
    if (third === undefined) return numbered;
    const word = fieldUnder(key, String(third));
    return word && { ...word, zh: `${numbered.zh} 的${word.zh}`, en: `${numbered.en}'s ${word.en}` };
  }
  const owner = owners[key];
  const word = third === undefined ? fieldUnder(undefined, String(second)) : undefined;
  return owner && word && { ...word, zh: `${owner.zh}${word.zh}`, en: `${possessive(owner.en)} ${word.en}` };
}

/** The field at `path` in words; `prefix` names the request part (querystring, params) outside the body. */
export function fieldLabel(path: IssuePath, prefix?: string): FieldLabel {
  if (path.length === 0) return prefix ? { zh: `请求参数 ${prefix}`, en: `the ${prefix}` } : { zh: '请求内容', en: 'the request' };
  const known = prefix ? undefined : label(path);
  if (known) return known;
  const written = [prefix, ...path.map(String)].filter(Boolean).join('.');
  return { zh: `字段 ${written}`, en: `the field ${written}` };
}
