/**
 * A request's schema refusals in words a person reads: each zod issue becomes a problem whose
 * message names the field ("请填写负责人姓名 / Enter the leader's name"), never zod's own text
 * ("数值过小：期望 string >=1 字符"). Field names come from the table in field-labels.ts; a path
 * it does not know is shown as written.
 */
import type { LocalisedText, Problem } from '../errors.ts';
import { count, nounFor } from '../plural.ts';
import { fieldLabel, type FieldLabel } from './field-labels.ts';

export type IssuePath = readonly PropertyKey[];

/** A zod issue as zod reports it, or as fastify-type-provider-zod passes it on (its fields in `params`). */
export interface SchemaIssue {
  readonly code: string;
  readonly path: IssuePath;
  readonly message?: string;
}

/** An issue with the details of its kind (minimum, format, values…), read where the kind says they are. */
type Detailed = SchemaIssue & Record<string, unknown>;

/** `['members', 2, 'idNumber']` → `members[2].idNumber`. */
export const formatPath = (path: IssuePath): string =>
  path.reduce<string>((out, s) => (typeof s === 'number' || /^\d+$/.test(String(s)) ? `${out}[${String(s)}]` : out ? `${out}.${String(s)}` : String(s)), '');

/** The value at `path` in what the client sent, or undefined when it sent nothing there. */
export const valueAt = (root: unknown, path: IssuePath): unknown =>
  path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), root);

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const typeNames: Record<string, LocalisedText> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是或否', en: 'yes or no' },
  object: { zh: '一组字段', en: 'a group of fields' },
  array: { zh: '列表', en: 'a list' },
};

const required = (label: FieldLabel): LocalisedText =>
  label.choice ? { zh: `请选择${label.zh}`, en: `Choose ${label.en}` } : { zh: `请填写${label.zh}`, en: `Enter ${label.en}` };

const invalid = (label: FieldLabel): LocalisedText => ({ zh: `${label.zh}的值不正确`, en: `${capital(label.en)} is not valid` });

/**
 * A length limit: text in characters ("作品名称最多 100 个字 / The title has at most 100 characters"),
 * a list in what it holds ("成员最多 10 人 / At most 10 members").
 */
function limit(issue: Detailed, label: FieldLabel, n: number, bound: { zh: string; en: string; verb: string }): LocalisedText {
  if (issue.origin === 'string')
    return { zh: `${label.zh}${bound.zh} ${n} 个字`, en: `${capital(label.en)} ${bound.verb} ${bound.en} ${count(n, 'character')}` };
  if (label.unit) return { zh: `${label.zh}${bound.zh} ${n} ${label.unit.zh}`, en: `${capital(bound.en)} ${count(n, label.unit.en)}` };
  return { zh: `${label.zh}${bound.zh} ${n} 项`, en: `${capital(label.en)} ${bound.verb} ${bound.en} ${count(n, 'entry')}` };
}

function tooSmall(issue: Detailed, label: FieldLabel): LocalisedText {
  const n = Number(issue.minimum);
  if (issue.origin === 'number') {
    return issue.inclusive === false
      ? { zh: `${label.zh}须大于 ${n}`, en: `${capital(label.en)} must be more than ${n}` }
      : { zh: `${label.zh}不能小于 ${n}`, en: `${capital(label.en)} must be at least ${n}` };
  }
  if (n <= 1 && issue.origin === 'string') return required(label);
  return limit(issue, label, n, { zh: '至少', en: 'at least', verb: 'needs' });
}

function tooBig(issue: Detailed, label: FieldLabel): LocalisedText {
  const n = Number(issue.maximum);
  if (issue.origin === 'number') return { zh: `${label.zh}不能大于 ${n}`, en: `${capital(label.en)} must be at most ${n}` };
  return limit(issue, label, n, { zh: '最多', en: 'at most', verb: 'has' });
}

function invalidFormat(issue: Detailed, label: FieldLabel): LocalisedText {
  if (issue.format === 'email') return { zh: `${label.zh}不是有效的邮箱地址`, en: `${capital(label.en)} is not a valid email address` };
  return { zh: `${label.zh}的格式不正确`, en: `${capital(label.en)} is not in the right format` };
}

function invalidValue(issue: Detailed, label: FieldLabel): LocalisedText {
  const values = Array.isArray(issue.values) ? issue.values.map(String) : [];
  if (values.length === 0) return invalid(label);
  return { zh: `${label.zh}须为以下之一：${values.join('、')}`, en: `${capital(label.en)} must be one of: ${values.join(', ')}` };
}

function unrecognizedKeys(issue: Detailed, label: FieldLabel): LocalisedText {
  const keys = Array.isArray(issue.keys) ? issue.keys.map(String) : [];
  return {
    zh: `${label.zh}含有未知的字段：${keys.join('、')}`,
    en: `${capital(label.en)} has unknown ${nounFor(keys.length, 'field')}: ${keys.join(', ')}`,
  };
}

/** A custom issue that carries its own code and message (platform/text.ts's refusals). */
interface OwnRefusal {
  code: string;
  message: LocalisedText;
  limit?: number;
  what?: LocalisedText;
}

const ownRefusal = (issue: Detailed): OwnRefusal | undefined => {
  const own = issue.params as Partial<OwnRefusal> | undefined;
  return typeof own?.code === 'string' && own.message ? (own as OwnRefusal) : undefined;
};

/** Text refusals named by their field; any other refusal of its own keeps its words, after the field's name. */
function ownMessage(own: OwnRefusal, label: FieldLabel): LocalisedText {
  if (own.code === 'text.empty') return required(label);
  if (own.code === 'text.too_long' && own.limit !== undefined) return tooBig({ code: 'too_big', path: [], origin: 'string', maximum: own.limit }, label);
  if (own.code === 'text.invalid_character' && own.what) {
    return { zh: `${label.zh}含有不允许的字符（${own.what.zh}）`, en: `${capital(label.en)} contains a character that is not allowed (${own.what.en})` };
  }
  return { zh: `${label.zh}：${own.message.zh}`, en: `${capital(label.en)}: ${own.message.en}` };
}

/**
 * A union's refusal as its first branch's (through nested unions): what the field most likely meant
 * (an email, not the empty string).
 */
const meant = (issue: Detailed): Detailed => {
  const branches = issue.errors;
  const first = issue.code === 'invalid_union' && Array.isArray(branches) && Array.isArray(branches[0]) ? (branches[0][0] as Detailed | undefined) : undefined;
  return first ? meant({ ...first, path: issue.path }) : issue;
};

function messageOf(issue: Detailed, label: FieldLabel, missing: boolean): LocalisedText {
  if (missing && (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')) return required(label);
  switch (issue.code) {
    case 'too_small':
      return tooSmall(issue, label);
    case 'too_big':
      return tooBig(issue, label);
    case 'invalid_type': {
      const type = typeNames[String(issue.expected)];
      return type ? { zh: `${label.zh}应为${type.zh}`, en: `${capital(label.en)} must be ${type.en}` } : invalid(label);
    }
    case 'invalid_format':
      return invalidFormat(issue, label);
    case 'invalid_value':
      return invalidValue(issue, label);
    case 'unrecognized_keys':
      return unrecognizedKeys(issue, label);
    default:
      return invalid(label);
  }
}

/**
 * One schema issue as a problem. `sent` is the request part as the client sent it, to tell a field
 * left out ("请填写…") from one of the wrong kind; `prefix` names the part when it is not the body.
 */
export function schemaProblem(issue: SchemaIssue, sent: unknown, prefix?: string): Problem {
  const label = fieldLabel(issue.path, prefix);
  const at = formatPath(issue.path);
  const path = prefix ? (at ? `${prefix}.${at}` : prefix) : at;
  const detailed = issue as Detailed;
  const own = issue.code === 'custom' ? ownRefusal(detailed) : undefined;
  if (own) return { code: own.code, message: ownMessage(own, label), path };
  // A union (an email, or nothing) is refused as what it most likely meant: its first branch.
  const shown = meant(detailed);
  return { code: shown.code, message: messageOf(shown, label, valueAt(sent, issue.path) === undefined), path };
}

/** Every issue as a problem (see `schemaProblem`). */
export const schemaProblems = (issues: readonly SchemaIssue[], sent: unknown, prefix?: string): Problem[] =>
  issues.map((issue) => schemaProblem(issue, sent, prefix));
