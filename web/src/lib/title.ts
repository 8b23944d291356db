import type { MessageKey } from '../messages.ts';

/** The site's name, last in every tab title and bookmark; the same on the server's share card. */
export const siteTitle = '擂台 Leitai';

/** A page's tab title: the most specific part first, so a phone's narrow tab still shows it. */
export const pageTitle = (...parts: (string | undefined)[]) => [...parts.filter((part) => part), siteTitle].join(' · ');

/** What a route puts in the tab title: its label, beside the contest its data is about. */
export interface TitleHandle {
  title?: MessageKey;
}

interface Match {
  handle?: unknown;
  loaderData?: unknown;
}

type Named = { name: string; nameEn?: string };

const contestOf = (data: unknown): Named | undefined => {
  const contest = data && typeof data === 'object' && 'contest' in data ? data.contest : undefined;
  return contest && typeof contest === 'object' && 'name' in contest && typeof contest.name === 'string' ? (contest as Named) : undefined;
};

/** The title of the deepest route that says anything: its label, and the name of the contest it loaded. */
export const titleOfMatches = (matches: Match[], label: (key: MessageKey) => string, name: (named: Named) => string) => {
  for (const match of [...matches].reverse()) {
    const key = (match.handle as TitleHandle | undefined)?.title;
    const contest = contestOf(match.loaderData);
    if (key || contest) return pageTitle(key && label(key), contest && name(contest));
  }
  return siteTitle;
};
