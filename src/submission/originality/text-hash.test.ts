import { describe, expect, it } from 'vitest';
import { fingerprintText, type TextFingerprint } from './fingerprint.ts';
import {
  estimatedJaccard,
  LshIndex,
  minHashSignature,
  minTextCharacters,
  normaliseText,
  shingles,
  signatureLength,
  textsLookAlike,
  textSimilarityThreshold,
} from './text-hash.ts';
import { alterText, makeOriginalText, textAlterations } from '../../../test/support/test-texts.ts';

describe('normaliseText', () => {
  it('folds full-width forms and case, and keeps only letters and digits', () => {
    expect(normaliseText('Ｈｅｌｌｏ，世界！ 2025年\n《社保卡》—— APP。')).toBe('hello世界2025年社保卡app');
  });

  it('leaves nothing of punctuation and whitespace alone', () => {
    expect(normaliseText(' ，。！？、；：“”‘’（）…… \n\t')).toBe('');
  });
});

describe('shingles', () => {
  it('cuts a normalised text into overlapping runs of 5 characters', () => {
    expect([...shingles('社保卡医保电子凭证')]).toEqual(['社保卡医保', '保卡医保电', '卡医保电子', '医保电子凭', '保电子凭证']);
  });

  it('counts a character outside the BMP as one', () => {
    expect([...shingles('𠀀社保卡医保')]).toEqual(['𠀀社保卡医', '社保卡医保']);
  });

  it('gives none for a text shorter than one shingle, and one set entry for repeats', () => {
    expect(shingles('社保卡医').size).toBe(0);
    expect([...shingles('哈哈哈哈哈哈哈')]).toEqual(['哈哈哈哈哈']);
  });
});

describe('minHashSignature', () => {
  it('is the same in every process and release: seeded, not random', () => {
    expect(minHashSignature(normaliseText('社保卡与医保电子凭证')).slice(0, 3)).toEqual([1522411408, 1729538631, 669333279]);
    expect(minHashSignature('abcde').slice(0, 2)).toEqual([3842460428, 1753108158]);
  });

  it('has 192 minima, or none for a text shorter than one shingle', () => {
    expect(minHashSignature('社保卡医保').length).toBe(signatureLength);
    expect(signatureLength).toBe(192);
    expect(minHashSignature('社保卡')).toEqual([]);
  });

  it('estimates the Jaccard similarity of shingle sets within 0.12 over 300 pairs of texts', () => {
    const texts = Array.from({ length: 25 }, (_, i) => normaliseText(makeOriginalText(500 + i)));
    // Half the pairs share much of their wording, so that the estimate is checked across the whole range.
    const pairs = texts.flatMap((a, i) => texts.slice(i + 1).map((b, j) => (j % 2 ? [a, b] : [a, a.slice(0, a.length / 2) + b.slice(b.length / 2)])));
    let worst = 0;
    for (const [a, b] of pairs) {
      const x = shingles(a!);
      const y = shingles(b!);
      const shared = [...x].filter((s) => y.has(s)).length;
      const exact = shared / (x.size + y.size - shared);
      worst = Math.max(worst, Math.abs(estimatedJaccard(minHashSignature(a!), minHashSignature(b!)) - exact));
    }
    expect(pairs.length).toBe(300);
    expect(worst).toBeLessThanOrEqual(0.12);
  });
});

describe('textsLookAlike', () => {
  const text = makeOriginalText(1);

  it(`never flags texts shorter than ${minTextCharacters} characters, even identical ones`, () => {
    const short = '本项目依托社保卡与医保电子凭证，实现了群众办事一站式服务，在试点地区取得良好效果，受到用户广泛好评。';
    expect(normaliseText(short).length).toBe(46);
    expect(textsLookAlike(fingerprintText(short), fingerprintText(short))).toBe(false);
    expect(textsLookAlike(fingerprintText(''), fingerprintText(''))).toBe(false);
    const enough = `${short}下一步推`;
    expect(fingerprintText(enough).characters).toBe(minTextCharacters);
    expect(textsLookAlike(fingerprintText(enough), fingerprintText(enough))).toBe(true);
  });

  it('flags a copy with changed punctuation as identical', () => {
    const copy = alterText(text, 'punctuation changed', 1);
    expect(copy).not.toBe(text);
    expect(estimatedJaccard(fingerprintText(text).signature, fingerprintText(copy).signature)).toBe(1);
  });

  it('does not flag an original against a text on the same theme', () => {
    expect(textsLookAlike(fingerprintText(text), fingerprintText(makeOriginalText(2)))).toBe(false);
  });
});

describe('detection of altered copies among 30 distinct Chinese texts', () => {
  const originals = Array.from({ length: 30 }, (_, i) => makeOriginalText(i));
  const fingerprints = originals.map(fingerprintText);
  const families = originals.map((text, i) => ({
    original: fingerprints[i]!,
    copies: new Map(textAlterations.map((alteration) => [alteration, fingerprintText(alterText(text, alteration, i))])),
  }));

  it('has originals of 150 to 600 字', () => {
    const lengths = originals.map((t) => [...t.replace(/\s/g, '')].length);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(150);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(600);
  });

  it('finds at least 95% of the copies of each alteration, and prints the rates', () => {
    const lines: string[] = [];
    for (const alteration of textAlterations) {
      const similarities = families.map((f) => estimatedJaccard(f.original.signature, f.copies.get(alteration)!.signature));
      const found = families.filter((f) => textsLookAlike(f.original, f.copies.get(alteration)!)).length;
      lines.push(
        `  ${alteration.padEnd(48)} found ${found}/${originals.length} (${((100 * found) / originals.length).toFixed(1)}%), similarity min ${Math.min(...similarities).toFixed(3)}`,
      );
      expect(found / originals.length, alteration).toBeGreaterThanOrEqual(0.95);
    }
    console.log(`Texts: altered copies found (threshold ${textSimilarityThreshold})\n${lines.join('\n')}`);
  });

  it('flags at most 1% of the pairs of texts from different originals (200 originals and the copies of 30), and prints the rate', () => {
    const more = Array.from({ length: 170 }, (_, i) => ({ i: 30 + i, fingerprint: fingerprintText(makeOriginalText(30 + i)) }));
    const all: Array<{ i: number; fingerprint: TextFingerprint }> = [
      ...families.flatMap((f, i) => [f.original, ...f.copies.values()].map((fingerprint) => ({ i, fingerprint }))),
      ...more,
    ];
    let pairs = 0;
    let flagged = 0;
    let highest = 0;
    for (let x = 0; x < all.length; x++) {
      for (let y = x + 1; y < all.length; y++) {
        if (all[x]!.i === all[y]!.i) continue;
        pairs++;
        highest = Math.max(highest, estimatedJaccard(all[x]!.fingerprint.signature, all[y]!.fingerprint.signature));
        if (textsLookAlike(all[x]!.fingerprint, all[y]!.fingerprint)) flagged++;
      }
    }
    console.log(
      `Texts: false flags ${flagged}/${pairs} pairs of different originals (${((100 * flagged) / pairs).toFixed(3)}%), highest similarity ${highest.toFixed(3)}`,
    );
    expect(pairs).toBe(71_380);
    expect(flagged / pairs).toBeLessThanOrEqual(0.01);
  });
});

describe('LshIndex', () => {
  it('makes candidates of every pair that looks alike, and of few others, in 1,000 texts', () => {
    const texts = [
      ...Array.from({ length: 790 }, (_, i) => makeOriginalText(1000 + i)),
      ...Array.from({ length: 210 }, (_, i) => alterText(makeOriginalText(1000 + (i % 30)), textAlterations[i % textAlterations.length]!, i)),
    ];
    const fingerprints = texts.map(fingerprintText);
    const index = new LshIndex();
    fingerprints.forEach((f, i) => index.add(i, f.signature));
    const candidates = new Set(index.candidatePairs().map(([a, b]) => `${a},${b}`));
    let alike = 0;
    let missed = 0;
    for (let a = 0; a < texts.length; a++) {
      for (let b = a + 1; b < texts.length; b++) {
        if (!textsLookAlike(fingerprints[a]!, fingerprints[b]!)) continue;
        alike++;
        if (!candidates.has(`${a},${b}`)) missed++;
      }
    }
    const allPairs = (texts.length * (texts.length - 1)) / 2;
    console.log(
      `LSH: ${candidates.size}/${allPairs} pairs compared (${((100 * candidates.size) / allPairs).toFixed(2)}%), ${missed} of ${alike} alike pairs missed`,
    );
    expect(alike).toBeGreaterThanOrEqual(210);
    expect(missed).toBe(0);
    expect(candidates.size / allPairs).toBeLessThan(0.1);
  });

  it('lists each candidate pair once, smaller number first, and ignores empty signatures', () => {
    const index = new LshIndex();
    const signature = minHashSignature(normaliseText(makeOriginalText(3)));
    index.add(7, signature);
    index.add(2, signature);
    index.add(5, signature);
    index.add(9, []);
    expect(index.candidatePairs().sort()).toEqual([
      [2, 5],
      [2, 7],
      [5, 7],
    ]);
  });
});
