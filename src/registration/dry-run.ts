/**
 * The dry run shows a participant every problem of the form at once: the fields the schema refuses
 * and the eligibility rules, run on what the schema accepts. A bad field is left out (or, where the
 * rules need one, replaced by a stand-in) so that an empty leader name does not hide a team of 11.
 */
import { z } from 'zod';
import type { Problem } from '../platform/errors.ts';
import { schemaProblems, valueAt, type SchemaIssue } from '../platform/http/schema-problems.ts';
import { registrationInputSchema, type RegistrationInput } from './schema.ts';

/** The dry run's body: an entry, or any object, to be checked as far as its shape allows. */
export const dryRunBody = z.union([registrationInputSchema, z.looseObject({})]);

/** What stands in for a required field the schema refuses; the rules only show it in their messages. */
const standIns: Record<string, () => unknown> = { name: () => '—', title: () => '—', leader: () => ({}) };
/** A person of these lists that is not an object at all stands in as an empty one (its name then stands in too). */
const peopleLists = new Set(['members', 'advisors']);

const standInFor = (path: SchemaIssue['path']): (() => unknown) | undefined => {
  const key = path.at(-1);
  if (typeof key === 'number') return peopleLists.has(String(path.at(-2))) ? () => ({}) : undefined;
  return standIns[String(key)];
};

/** Mends the value at the issue's path in place; false when nothing can stand in (the rules cannot run). */
function mend(root: unknown, issue: SchemaIssue & { maximum?: unknown }): boolean {
  const parent = valueAt(root, issue.path.slice(0, -1));
  const key = issue.path.at(-1);
  if (parent === null || typeof parent !== 'object' || key === undefined || typeof key === 'symbol') return false;
  const container = parent as Record<string | number, unknown>;
  const value = container[key];
  if (issue.code === 'too_big' && Array.isArray(value) && typeof issue.maximum === 'number') {
    value.length = issue.maximum;
    return true;
  }
  const standIn = standInFor(issue.path);
  if (standIn) container[key] = standIn();
  else if (value === undefined || Array.isArray(parent)) return false;
  else delete container[key];
  return true;
}

/** Each round mends one level (a person that is not an object, then their name); three cover the form's depth. */
const rounds = 3;

/**
 * The entry as far as its shape allows, and the schema's problems with it. `entry` is undefined when
 * a field the rules cannot do without (track, kind of entrant, an organisation's type) is refused.
 */
export function salvageEntry(body: unknown): { entry?: RegistrationInput; problems: Problem[] } {
  const first = registrationInputSchema.safeParse(body);
  if (first.success) return { entry: first.data, problems: [] };
  const problems = schemaProblems(first.error.issues, body);
  const mended = structuredClone(body);
  let issues = first.error.issues;
  for (let round = 0; round < rounds; round++) {
    if (!issues.every((issue) => mend(mended, issue))) return { problems };
    const again = registrationInputSchema.safeParse(mended);
    if (again.success) return { entry: again.data, problems };
    issues = again.error.issues;
  }
  return { problems };
}

/** The rules' problems after the schema's, less those at a field the schema already refused. */
export function withSchemaProblems(schema: Problem[], rules: { problems: Problem[] }) {
  const refused = new Set(schema.map((p) => p.path));
  const problems = [...schema, ...rules.problems.filter((p) => !refused.has(p.path))];
  return { ok: problems.length === 0, problems };
}
