import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useMatches, useNavigate, useNavigation } from 'react-router';
import { auth } from '../api/index.ts';
import { useI18n } from '../i18n.ts';
import { titleOfMatches } from '../lib/title.ts';
import { judgedContests } from '../judge/roles.ts';
import { useSession } from '../session.ts';

const LanguageToggle = () => {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'zh' ? 'en' : 'zh';
  return (
    <button
      type="button"
      className="lang-toggle"
      onClick={() => setLang(next)}
      data-testid="lang-toggle"
      aria-label={t('nav.switchLanguage')}
      lang={next === 'zh' ? 'zh-CN' : 'en'}
    >
      {next === 'zh' ? '中文' : 'English'}
    </button>
  );
};

const AccountMenu = () => {
  const { t } = useI18n();
  const { account, setAccount } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (!account) {
    return (
      <NavLink to="/login" className="nav-link" data-testid="nav-login">
        {t('nav.login')}
      </NavLink>
    );
  }
  const logout = async () => {
    setBusy(true);
    try {
      await auth.logout();
    } finally {
      setBusy(false);
      setAccount(null);
      navigate('/');
    }
  };
  return (
    <>
      <span className="nav-account" data-testid="nav-account" title={account.email}>
        {account.displayName}
      </span>
      <button type="button" className="nav-link nav-button" onClick={logout} disabled={busy} data-testid="nav-logout">
        {busy ? t('common.working') : t('nav.logout')}
      </button>
    </>
  );
};

/** The tab title of the page shown, in the language chosen. */
const useDocumentTitle = () => {
  const { t, name } = useI18n();
  const title = titleOfMatches(useMatches(), t, name);
  useEffect(() => {
    document.title = title;
  }, [title]);
};

/** The frame of every page: a plain header (brand, contests, my registrations, judging for a judge, account, language), the page, a footer. */
export const Layout = () => {
  const { t } = useI18n();
  const { account } = useSession();
  const navigation = useNavigation();
  useDocumentTitle();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <div className={`progress-bar${navigation.state !== 'idle' ? ' active' : ''}`} aria-hidden="true" />
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand" data-testid="brand">
            <span className="brand-mark" aria-hidden="true">
              擂
            </span>
            <span className="brand-text">
              <strong>{t('app.name')}</strong>
              <small>{t('app.tagline')}</small>
            </span>
          </Link>
          <nav className="site-nav" aria-label={t('nav.main')}>
            <NavLink to="/" end className="nav-link">
              {t('nav.contests')}
            </NavLink>
            <NavLink to="/me" className="nav-link" data-testid="nav-me">
              {t('nav.myRegistrations')}
            </NavLink>
            {judgedContests(account).length > 0 && (
              <NavLink to="/judge" className="nav-link" data-testid="nav-judge">
                {t('judge.nav')}
              </NavLink>
            )}
            <AccountMenu />
            <LanguageToggle />
          </nav>
        </div>
      </header>
      <main id="main" className="container main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('app.footer')}</p>
        </div>
      </footer>
      <ScrollRestoration />
    </>
  );
};
