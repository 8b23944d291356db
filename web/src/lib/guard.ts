import { redirect } from 'react-router';
import { ApiError, auth } from '../api/index.ts';
import { loginPath } from '../session.ts';

const here = (request: Request) => {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
};

/** In a loader: the signed-in account, or a redirect to sign in and come back. */
export const requireAccount = async (request: Request) => {
  const { account } = await auth.me(request.signal);
  if (!account) throw redirect(loginPath(here(request)));
  return account;
};

/** In a loader: runs a request that needs a session; a 401 sends the reader to sign in and come back. */
export const withLogin = async <T>(request: Request, load: () => Promise<T>): Promise<T> => {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) throw redirect(loginPath(here(request)));
    throw error;
  }
};
