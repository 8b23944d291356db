import { entrantKindNames } from '../../contest/describe-rule.ts';
import { count } from '../../platform/plural.ts';
import { placeName, problem, ruleOf, ruleSource, type Check } from './context.ts';

export const checkEntrantKind: Check = ({ entry, scope }) => {
  const rule = ruleOf(scope, 'entrantKinds');
  const problems = [];
  if (rule && !rule.allowed.includes(entry.entrantKind)) {
    const place = placeName(scope);
    const kind = entrantKindNames[entry.entrantKind];
    const allowedZh = rule.allowed.map((k) => entrantKindNames[k].zh).join('、');
    const allowedEn = rule.allowed.map((k) => entrantKindNames[k].en).join(', ');
    problems.push(
      problem(
        'entrant.kind_not_allowed',
        `${place.zh}不接受${kind.zh}报名，仅限${allowedZh}`,
        `${place.en} does not accept ${kind.en} entries, only ${allowedEn}`,
        { path: 'entrantKind', rule: ruleSource(scope, rule) },
      ),
    );
  }
  if (entry.entrantKind === 'individual' && entry.members.length > 0) {
    problems.push(
      problem(
        'entrant.individual_with_members',
        `个人报名不能添加成员（已添加 ${entry.members.length} 人），请改为团队报名`,
        `An individual entry has no members (${count(entry.members.length, 'member')} added); register as a team instead`,
        { path: 'members' },
      ),
    );
  }
  if (entry.entrantKind === 'team' && !entry.teamName) {
    problems.push(problem('team.name_required', '请填写团队名称', 'Give the team a name', { path: 'teamName' }));
  }
  return problems;
};

/** Team size counts the leader and members (含负责人); advisors are counted by their own rule. */
export const checkTeamSize: Check = ({ entry, scope }) => {
  const rule = ruleOf(scope, 'teamSize');
  if (!rule || entry.entrantKind !== 'team') return [];
  const size = 1 + entry.members.length;
  const place = placeName(scope);
  if (size > rule.max) {
    return [
      problem(
        'team.too_large',
        `团队 ${size} 人，${place.zh}上限 ${rule.max} 人（含负责人）`,
        `The team has ${count(size, 'person')}; ${place.en} allows at most ${rule.max}, leader included`,
        { path: 'members', rule: ruleSource(scope, rule) },
      ),
    ];
  }
  if (rule.min !== undefined && size < rule.min) {
    return [
      problem(
        'team.too_small',
        `团队 ${size} 人，${place.zh}至少 ${rule.min} 人（含负责人）`,
        `The team has ${count(size, 'person')}; ${place.en} needs at least ${rule.min}, leader included`,
        { path: 'members', rule: ruleSource(scope, rule) },
      ),
    ];
  }
  return [];
};

export const checkAdvisors: Check = ({ entry, scope }) => {
  const rule = ruleOf(scope, 'advisors');
  if (!rule || entry.advisors.length <= rule.max) return [];
  const place = placeName(scope);
  const zhLimit = rule.max === 0 ? '不设指导老师' : `指导老师不超过 ${rule.max} 人`;
  const enLimit = rule.max === 0 ? 'has no advisors' : `allows at most ${count(rule.max, 'advisor')}`;
  return [
    problem(
      'team.too_many_advisors',
      `指导老师 ${entry.advisors.length} 人，${place.zh}${zhLimit}`,
      `${count(entry.advisors.length, 'advisor')}; ${place.en} ${enLimit}`,
      { path: 'advisors', rule: ruleSource(scope, rule) },
    ),
  ];
};
