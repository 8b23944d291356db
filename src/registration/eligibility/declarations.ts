import { problem, quoted, ruleOf, ruleSource, type Check } from './context.ts';

export const checkDeclarations: Check = ({ entry, scope }) => {
  const rule = ruleOf(scope, 'declarations');
  if (!rule) return [];
  const accepted = new Set(entry.declarations);
  return rule.items
    .filter((item) => !accepted.has(item.id))
    .map((item) =>
      problem('declaration.missing', `须确认承诺：${item.text}`, `You must accept the declaration: ${item.textEn ?? quoted(item.text)}`, {
        path: `declarations.${item.id}`,
        rule: ruleSource(scope, rule),
      }),
    );
};
