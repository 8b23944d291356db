import type { ContestDefinition, Topic } from '../../contest/schema/index.ts';
import { resolveScope, type EntryPlace, type Scope, type ScopeProblem } from '../../contest/scope.ts';
import type { Problem } from '../../platform/errors.ts';
import { problem, quoted } from './context.ts';

type Named = { name: string; nameEn?: string };
const english = (named: Named) => named.nameEn ?? named.name;

/** A scope problem's value in English: the track's or zones' English names where it is their Chinese names. */
const englishValue = (definition: ContestDefinition, place: EntryPlace, problem: ScopeProblem): string => {
  if (problem.code === 'place.zone_required') return definition.zones.map(english).join(', ');
  if (problem.code === 'place.group_required' || problem.code === 'place.category_required' || problem.code === 'place.topic_required') {
    const track = definition.tracks.find((t) => t.id === place.trackId);
    return track ? english(track) : problem.value;
  }
  return problem.value;
};

const scopeMessages: Record<ScopeProblem['code'], (zh: string, en: string) => [string, string, string]> = {
  'place.unknown_track': (v) => [`没有赛道 ${v}`, `There is no track ${v}`, 'trackId'],
  'place.group_required': (v, en) => [`${v}须选择组别`, `${en}: choose a group`, 'groupId'],
  'place.category_required': (v, en) => [`${v}须选择作品类别`, `${en}: choose a category`, 'categoryId'],
  'place.unknown_group': (v) => [`本赛道没有组别 ${v}`, `This track has no group ${v}`, 'groupId'],
  'place.unknown_category': (v) => [`本赛道没有作品类别 ${v}`, `This track has no category ${v}`, 'categoryId'],
  'place.unknown_topic': (v) => [`本赛道没有赛题 ${v}`, `This track has no topic ${v}`, 'topicId'],
  'place.topic_required': (v, en) => [`${v}须选择一个赛题方向`, `${en}: choose one topic`, 'topicId'],
  'place.unknown_zone': (v) => [`没有赛区 ${v}`, `There is no zone ${v}`, 'zoneId'],
  'place.zone_required': (v, en) => [`须选择赛区（${v}）`, `Choose a zone (${en})`, 'zoneId'],
};

/** What was said of a closed topic, less the words the message already says (不再开放报名). */
const closedReason = (reason: string | undefined) => reason?.replace(/^不再开放报名[，,。；;：:\s]*/u, '') || undefined;

/** A closed topic (不再开放报名), its reason quoted in English, where the definition gives it only in Chinese. */
const topicClosed = (topic: Topic) => {
  const reason = closedReason(topic.closedReason);
  return problem(
    'topic.closed',
    `赛题「${topic.name}」不再开放报名${reason ? `：${reason}` : ''}`,
    `The topic "${english(topic)}" is closed to registration${reason ? ` (the announcement says: ${quoted(reason)})` : ''}`,
    { path: 'topicId' },
  );
};

/** Where the entry registers, or the problem with it; a closed topic (不再开放报名) is refused here too. */
export const placeEntry = (definition: ContestDefinition, place: EntryPlace): { scope?: Scope; problems: Problem[] } => {
  const resolved = resolveScope(definition, place);
  if (!resolved.ok) {
    const [zh, en, path] = scopeMessages[resolved.problem.code](resolved.problem.value, englishValue(definition, place, resolved.problem));
    return { problems: [problem(resolved.problem.code, zh, en, { path })] };
  }
  const topic = resolved.scope.topic;
  if (topic?.registration === 'closed') return { scope: resolved.scope, problems: [topicClosed(topic)] };
  return { scope: resolved.scope, problems: [] };
};
