/**
 * Items in lists by key, each list in the items' order. (Map.groupBy does this from Node 21; Leitai
 * runs on Node 20 too.)
 */
export const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
};
