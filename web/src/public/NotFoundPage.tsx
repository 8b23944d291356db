import { Link } from 'react-router';
import { useI18n } from '../i18n.ts';

export const Component = () => {
  const { t } = useI18n();
  return (
    <div className="page-error">
      <h1>{t('error.title')}</h1>
      <p>{t('error.notFound')}</p>
      <p>
        <Link to="/">{t('error.backHome')}</Link>
      </p>
    </div>
  );
};
