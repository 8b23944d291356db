import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { auth } from './api/index.ts';
import type { Account } from './api/types.ts';

/** The signed-in account, shared by the header and the pages; loaded once, set on sign-in and sign-out. */
export interface Session {
  account: Account | null;
  loading: boolean;
  setAccount: (account: Account | null) => void;
  refresh: () => Promise<Account | null>;
}

const SessionContext = createContext<Session>({ account: null, loading: true, setAccount: () => {}, refresh: async () => null });

export const SessionProvider = ({ children }: { children: ReactNode }) => {
  const [account, setAccount] = useState<Account | null>(null);
  const [loading, setLoading] = useState(true);
  const refresh = useCallback(async () => {
    try {
      const { account: current } = await auth.me();
      setAccount(current);
      return current;
    } catch {
      setAccount(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value = useMemo(() => ({ account, loading, setAccount, refresh }), [account, loading, refresh]);
  return createElement(SessionContext.Provider, { value }, children);
};

export const useSession = () => useContext(SessionContext);

/** Whether the account may see a contest's registrations: an organiser or coordinator of it, or of all contests. */
export const managesContest = (account: Account | null, contestId: string) =>
  (account?.roles ?? []).some((r) => (r.role === 'organiser' || r.role === 'coordinator') && (r.contestId === null || r.contestId === contestId));

/** Whether the account organises a contest (or all contests): only organisers start a new edition. */
export const organisesContest = (account: Account | null, contestId: string) =>
  (account?.roles ?? []).some((r) => r.role === 'organiser' && (r.contestId === null || r.contestId === contestId));

/** The path of the sign-in page that comes back to `next` afterwards. */
export const loginPath = (next: string) => `/login?next=${encodeURIComponent(next)}`;

const thisSite = 'http://leitai.invalid';

/**
 * A `next` parameter is followed only within this site. The browser's own URL parser decides:
 * it reads `/\evil.example` as `//evil.example` and drops tabs and newlines (`/\t/evil.example`),
 * so a prefix test alone would let those out. A backslash or control character, even
 * percent-encoded, is refused outright: no page of the app has one in its path.
 */
export const safeNext = (next: string | null, fallback = '/'): string => {
  if (!next || !next.startsWith('/')) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(next);
  } catch {
    return fallback;
  }
  if (/[\\\u0000-\u001f\u007f]/.test(decoded)) return fallback;
  const url = new URL(next, thisSite);
  return url.origin === thisSite ? `${url.pathname}${url.search}${url.hash}` : fallback;
};
