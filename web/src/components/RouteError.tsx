import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ApiError } from '../api/index.ts';
import { useI18n } from '../i18n.ts';

/** What a page shows when its data could not be loaded: the server's message, or "not found". */
export const RouteError = () => {
  const error = useRouteError();
  const { t, pick } = useI18n();
  let message = t('error.unexpected');
  if (error instanceof ApiError) message = error.status === 404 ? t('error.notFound') : pick(error.messages);
  else if (isRouteErrorResponse(error) && error.status === 404) message = t('error.notFound');
  return (
    <div className="page-error" data-testid="page-error">
      <h1>{t('error.title')}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">{t('error.backHome')}</Link>
      </p>
    </div>
  );
};
