import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * Every `quote:` of every seed definition is the announcement's own text. The announcements are not
 * copied into the project: they sit beside the clone in ../shared/seeds (as in CI), and this test
 * skips, saying why, where they are absent.
 */

const contestsDir = fileURLToPath(new URL('../../contests/', import.meta.url));
const seedsDir = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

/** Line breaks and spaces in the seeds are the extraction's layout (a PDF line wraps mid-word), not text. */
const withoutSpace = (text: string) => text.replace(/\s+/gu, '');

/** Marks text left out between two quoted passages. */
const GAP = '……';

/**
 * The first passage of `quote` that is not in `seed`, or undefined when every passage is there, in
 * order. Passages are separated by `……`; whitespace is ignored, every other character must match.
 */
export const missingPassage = (seed: string, quote: string): string | undefined => {
  const text = withoutSpace(seed);
  let from = 0;
  for (const passage of quote.split(GAP)) {
    const wanted = withoutSpace(passage);
    if (!wanted) continue;
    const at = text.indexOf(wanted, from);
    if (at < 0) return passage;
    from = at + wanted.length;
  }
  return undefined;
};

interface Quote {
  path: string;
  text: string;
}

const quotesIn = (value: unknown, path = ''): Quote[] => {
  if (Array.isArray(value)) return value.flatMap((item, i) => quotesIn(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const at = path ? `${path}.${key}` : key;
    if (key === 'quote' && typeof inner === 'string') return [{ path: at, text: inner }];
    return quotesIn(inner, at);
  });
};

const definitions = readdirSync(contestsDir).filter((file) => /^\d{3}-.*\.yaml$/.test(file));
const seedsPresent = existsSync(seedsDir);
if (!seedsPresent) console.log(`quotes.test.ts: skipped, the announcements are not at ${seedsDir} (../shared/seeds beside the clone)`);

const seedOf = (definitionFile: string) => {
  const prefix = definitionFile.slice(0, 4);
  const seed = readdirSync(seedsDir).find((file) => file.startsWith(prefix));
  if (!seed) throw new Error(`no announcement ${prefix}*.txt in ${seedsDir}`);
  return readFileSync(`${seedsDir}${seed}`, 'utf8');
};

describe('finding a quote in an announcement', () => {
  const seed = '参赛单位须是具有独立法人资格的企业、事业单位、\n科研院所、高校等单位，允许上述组织间合作组队报名';

  it('finds a passage that a line break of the announcement splits', () => {
    expect(missingPassage(seed, '事业单位、科研院所')).toBeUndefined();
  });

  it('finds passages joined by …… in their order, and not out of it', () => {
    expect(missingPassage(seed, '参赛单位须是……允许上述组织间合作组队报名')).toBeUndefined();
    expect(missingPassage(seed, '允许上述组织间合作组队报名……参赛单位须是')).toBe('参赛单位须是');
  });

  it('refuses text joined across a gap without ……, and a straight quote for a curly one', () => {
    expect(missingPassage(seed, '参赛单位须是允许上述组织间合作组队报名')).toBe('参赛单位须是允许上述组织间合作组队报名');
    expect(missingPassage('社保卡“一卡通”宣传作品', '社保卡"一卡通"宣传作品')).toBe('社保卡"一卡通"宣传作品');
  });
});

describe.skipIf(!seedsPresent)('every quote of every seed definition is in its announcement, verbatim', () => {
  it.each(definitions)('%s', (file) => {
    const seed = seedOf(file);
    const quotes = quotesIn(parse(readFileSync(`${contestsDir}${file}`, 'utf8')));
    expect(quotes.length).toBeGreaterThan(0);
    const wrong = quotes.flatMap(({ path, text }) => {
      const missing = missingPassage(seed, text);
      return missing === undefined ? [] : [`${path}: «${missing}»`];
    });
    expect(wrong).toEqual([]);
  });
});
