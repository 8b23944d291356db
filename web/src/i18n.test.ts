import { describe, expect, it } from 'vitest';
import { fill, htmlLang, initialLang, nameIn, pick, translate } from './i18n.ts';
import { messages } from './messages.ts';

describe('i18n', () => {
  it('translates a key into the chosen language', () => {
    expect(translate('zh', 'contest.registerNow')).toBe('立即报名');
    expect(translate('en', 'contest.registerNow')).toBe('Register now');
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(translate('zh', 'form.teamCountOf', { n: 3, max: 10 })).toBe('当前 3 人，最多 10 人（含负责人）');
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('picks the word for a count in English: one, or any other number', () => {
    expect([1, 2, 0].map((n) => translate('en', 'span.seconds', { n }))).toEqual(['1 second', '2 seconds', '0 seconds']);
    expect(translate('en', 'form.teamCountOf', { n: 1, max: 3 })).toBe('1 person now, at most 3 (leader included)');
    expect(translate('en', 'contest.trackCount', { tracks: 1, divisions: 4 })).toBe('1 track · 4 divisions');
    expect(translate('zh', 'contest.trackCount', { tracks: 1, divisions: 4 })).toBe('1 个赛道 · 4 个评比组');
    expect(fill('{n} {n:entry goes|entries go}', { n: 1 })).toBe('1 entry goes');
    expect(fill('{x:one|other}', {})).toBe('{x:one|other}');
  });

  it('picks the server message in the reader language, falling back to the other', () => {
    const message = { zh: '团队不超过 10 人（含负责人）', en: 'At most 10 people per team, leader included' };
    expect(pick('zh', message)).toBe('团队不超过 10 人（含负责人）');
    expect(pick('en', message)).toBe('At most 10 people per team, leader included');
    expect(pick('en', { zh: '仅中文', en: '' })).toBe('仅中文');
    expect(pick('zh', undefined)).toBe('');
  });

  it('shows a definition name in English only where one is given', () => {
    expect(nameIn('en', { name: '应用开发赛道', nameEn: 'App development' })).toBe('App development');
    expect(nameIn('en', { name: '应用开发赛道' })).toBe('应用开发赛道');
    expect(nameIn('zh', { name: '应用开发赛道', nameEn: 'App development' })).toBe('应用开发赛道');
  });

  it('starts in Chinese unless English was chosen, whatever the browser prefers', () => {
    expect(initialLang(null)).toBe('zh');
    expect(initialLang('en')).toBe('en');
    expect(initialLang('zh')).toBe('zh');
    expect(initialLang('fr')).toBe('zh');
  });

  it('sets html lang to zh-CN or en', () => {
    expect(htmlLang('zh')).toBe('zh-CN');
    expect(htmlLang('en')).toBe('en');
  });

  it('has every message in both languages with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const faults = Object.entries(messages).filter(([, { zh, en }]) => !zh.trim() || !en.trim() || placeholders(zh).join() !== placeholders(en).join());
    expect(faults).toEqual([]);
  });
});
