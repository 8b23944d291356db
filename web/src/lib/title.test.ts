import { describe, expect, it } from 'vitest';
import { pageTitle, titleOfMatches } from './title.ts';

const label = (key: string) => ({ 'register.title': '报名', 'me.title': '我的报名' })[key] ?? key;
const name = (named: { name: string; nameEn?: string }) => named.nameEn ?? named.name;
const contest = { name: '2025年“数据要素×”大赛河北分赛', nameEn: 'Data Elements × 2025' };

describe('page titles', () => {
  it('put the page first and the site last, leaving out parts that are missing', () => {
    expect(pageTitle('报名', '赛事')).toBe('报名 · 赛事 · 擂台 Leitai');
    expect(pageTitle(undefined, '赛事')).toBe('赛事 · 擂台 Leitai');
    expect(pageTitle()).toBe('擂台 Leitai');
  });

  it('name the contest a page loaded, after the page’s own label', () => {
    const matches = [
      { handle: undefined, loaderData: undefined },
      { handle: { title: 'register.title' }, loaderData: { contest } },
    ];
    expect(titleOfMatches(matches, label, name)).toBe('报名 · Data Elements × 2025 · 擂台 Leitai');
  });

  it('are the contest’s name alone on its page, and the label alone on a page with no contest', () => {
    expect(titleOfMatches([{ loaderData: undefined }, { loaderData: { contest } }], label, name)).toBe('Data Elements × 2025 · 擂台 Leitai');
    expect(titleOfMatches([{ loaderData: undefined }, { handle: { title: 'me.title' }, loaderData: { registrations: [] } }], label, name)).toBe(
      '我的报名 · 擂台 Leitai',
    );
  });

  it('are the site’s name on a page that says nothing about itself', () => {
    expect(titleOfMatches([{ loaderData: undefined }, { loaderData: { contests: [] } }], label, name)).toBe('擂台 Leitai');
  });
});
