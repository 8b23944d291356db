import type { ContestDefinition } from '../../contest/schema/index.ts';
import { resolveScope, type EntryPlace, type Scope, type ScopeProblem } from '../../contest/scope.ts';
import type { Problem } from '../../platform/errors.ts';
import { problem } from './context.ts';

const scopeMessages: Record<ScopeProblem['code'], (value: string) => [string, string, string]> = {
  'place.unknown_track': (v) => [`没有赛道 ${v}`, `There is no track ${v}`, 'trackId'],
  'place.group_required': (v) => [`${v}须选择组别`, `${v}: choose a group`, 'groupId'],
  'place.category_required': (v) => [`${v}须选择作品类别`, `${v}: choose a category`, 'categoryId'],
  'place.unknown_group': (v) => [`本赛道没有组别 ${v}`, `This track has no group ${v}`, 'groupId'],
  'place.unknown_category': (v) => [`本赛道没有作品类别 ${v}`, `This track has no category ${v}`, 'categoryId'],
  'place.unknown_topic': (v) => [`本赛道没有赛题 ${v}`, `This track has no topic ${v}`, 'topicId'],
  'place.topic_required': (v) => [`${v}须选择一个赛题方向`, `${v}: choose one topic`, 'topicId'],
  'place.unknown_zone': (v) => [`没有赛区 ${v}`, `There is no zone ${v}`, 'zoneId'],
  'place.zone_required': (v) => [`须选择赛区（${v}）`, `Choose a zone (${v})`, 'zoneId'],
};

/** Where the entry registers, or the problem with it; a closed topic (不再开放报名) is refused here too. */
export const placeEntry = (definition: ContestDefinition, place: EntryPlace): { scope?: Scope; problems: Problem[] } => {
  const resolved = resolveScope(definition, place);
  if (!resolved.ok) {
    const [zh, en, path] = scopeMessages[resolved.problem.code](resolved.problem.value);
    return { problems: [problem(resolved.problem.code, zh, en, { path })] };
  }
  const topic = resolved.scope.topic;
  if (topic?.registration === 'closed') {
    const reason = topic.closedReason ? `：${topic.closedReason}` : '';
    return {
      scope: resolved.scope,
      problems: [problem('topic.closed', `赛题「${topic.name}」不再开放报名${reason}`, `The topic "${topic.nameEn ?? topic.name}" is closed to registration${topic.closedReason ? `: ${topic.closedReason}` : ''}`, { path: 'topicId' })],
    };
  }
  return { scope: resolved.scope, problems: [] };
};
