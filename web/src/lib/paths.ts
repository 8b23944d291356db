import type { Problem } from '../api/types.ts';

/**
 * Form fields are named by their path in the request (`members.0.name`), the same path the server
 * writes in a problem (`members[0].name`), so a problem lands beside the field it is about.
 */

/** `members[2].idNumber` → `members.2.idNumber`; `leader.phone` stays. */
export const fieldName = (path: string) =>
  path
    .replace(/\[(\w+)\]/g, '.$1')
    .replace(/^\./, '')
    .replace(/\.{2,}/g, '.');

const segments = (name: string) => name.split('.').filter(Boolean);

/** The value at a field name, or undefined. */
export const getIn = (value: unknown, name: string): unknown =>
  segments(name).reduce<unknown>((current, key) => (current == null ? undefined : (current as Record<string, unknown>)[key]), value);

/** A copy of `value` with the field at `name` set; arrays stay arrays. */
export const setIn = <T>(value: T, name: string, next: unknown): T => {
  const [head, ...rest] = segments(name);
  if (head === undefined) return next as T;
  const container = value as unknown;
  const child = container == null ? undefined : (container as Record<string, unknown>)[head];
  const updated = rest.length === 0 ? next : setIn(child ?? (/^\d+$/.test(rest[0]) ? [] : {}), rest.join('.'), next);
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[Number(head)] = updated;
    return copy as T;
  }
  return { ...(container as object), [head]: updated } as T;
};

/** The key under which problems without a field of their own are shown: at the top of the form. */
export const topKey = '';

/**
 * Sorts problems to the fields that show them: each goes to the longest known field name its path
 * starts with (`members.2.idNumber`, else `members.2`, else `members`), and to the top when none.
 */
export const placeProblems = (problems: readonly Problem[], known: ReadonlySet<string>) => {
  const placed = new Map<string, Problem[]>();
  const add = (key: string, problem: Problem) => placed.set(key, [...(placed.get(key) ?? []), problem]);
  for (const problem of problems) {
    const parts = problem.path ? segments(fieldName(problem.path)) : [];
    let key = topKey;
    for (let n = parts.length; n > 0; n--) {
      const candidate = parts.slice(0, n).join('.');
      if (known.has(candidate)) {
        key = candidate;
        break;
      }
    }
    add(key, problem);
  }
  return placed;
};
