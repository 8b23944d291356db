import { useCallback, useEffect, useRef, useState } from 'react';
import type { AltchaWidgetElement } from 'altcha/types/generic';
import type {} from 'altcha/types/react';
import { challengeUrl } from '../api/voting.ts';
import { useI18n } from '../i18n.ts';

const loadWidget = () => import('./altcha.ts');

/**
 * The proof-of-work before each vote: the ALTCHA widget, invisible, fetches a fresh challenge from
 * the server and solves it in workers. `solve` gives the payload the vote carries, or null when the
 * browser could not solve it (the challenge not fetched, too slow). The page
 * shows its own words while it runs; the widget's `element` only has to be in the page.
 */
export const useChallenge = () => {
  const { lang } = useI18n();
  const [loaded, setLoaded] = useState(false);
  const widget = useRef<AltchaWidgetElement | null>(null);
  const waiting = useRef<((element: AltchaWidgetElement) => void)[]>([]);
  useEffect(() => {
    let live = true;
    void loadWidget().then(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, []);
  const attach = useCallback((element: AltchaWidgetElement | null) => {
    widget.current = element;
    if (element) for (const resolve of waiting.current.splice(0)) resolve(element);
  }, []);
  const mounted = () => (widget.current ? Promise.resolve(widget.current) : new Promise<AltchaWidgetElement>((resolve) => waiting.current.push(resolve)));

  const solve = useCallback(async (): Promise<string | null> => {
    const element = await mounted();
    await element.configure({
      challenge: challengeUrl,
      display: 'invisible',
      auto: 'off',
      hideFooter: true,
      hideLogo: true,
      humanInteractionSignature: false,
      language: lang === 'zh' ? 'zh-cn' : 'en',
    });
    const result = await element.verify();
    return result?.payload ?? null;
  }, [lang]);

  const element = loaded ? <altcha-widget ref={attach as (element: HTMLElement | null) => void} data-testid="vote-challenge" /> : null;
  return { element, solve };
};
