import { Form, Link, useLoaderData, useNavigation, useSearchParams, useSubmit, type LoaderFunctionArgs } from 'react-router';
import { contests } from '../api/index.ts';
import { DemoBadge } from '../components/Badge.tsx';
import { CarriedOverNote } from '../components/CarriedOverNote.tsx';
import { useI18n } from '../i18n.ts';
import { withLogin } from '../lib/guard.ts';
import { organisesContest, useSession } from '../session.ts';
import { CountsPanel } from './CountsPanel.tsx';
import { DeleteEditionButton } from './DeleteEditionButton.tsx';
import { EditionTextsForm } from './EditionTextsForm.tsx';
import { filtersOf, pagerOf } from './filters.ts';
import { NewEditionForm } from './NewEditionForm.tsx';
import { RegistrationsTable } from './RegistrationsTable.tsx';
import { WorksSection } from './WorksSection.tsx';

export const loader = async ({ params, request }: LoaderFunctionArgs) =>
  withLogin(request, async () => {
    const { contest } = await contests.get(params.id!, request.signal);
    const search = new URL(request.url).searchParams;
    const { registrations, matched, counts } = await contests.registrations(contest.id, filtersOf(contest, search), request.signal);
    return {
      contest,
      registrations,
      matched,
      counts,
      selected: { division: search.get('division') ?? '', zone: search.get('zone') ?? '', status: search.get('status') ?? '', q: search.get('q') ?? '' },
    };
  });

/**
 * The organiser's (or zone coordinator's) view of a contest: counts, filters, the registrations, a new
 * edition, and deleting this one while it is a copy nobody has entered, withdrawn entries included (DeleteEditionButton).
 */
export const Component = () => {
  const { contest, registrations, matched, counts, selected } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const pager = pagerOf(search, matched);
  const { t, name } = useI18n();
  const { account } = useSession();
  const submit = useSubmit();
  const navigation = useNavigation();
  const loading = navigation.state === 'loading' && navigation.location?.pathname === `/organiser/contests/${contest.id}`;
  return (
    <>
      <p className="muted small">{t('organiser.kicker')}</p>
      <h1>
        {name(contest)} {contest.isDemo && <DemoBadge />}
      </h1>
      <CarriedOverNote contest={contest} />
      {organisesContest(account, contest.id) && contest.review.rounds.length > 0 && (
        <p>
          <Link className="btn btn-secondary" to={`/organiser/contests/${contest.id}/review`} data-testid="open-review">
            {t('review.open')} →
          </Link>
        </p>
      )}
      {organisesContest(account, contest.id) && contest.phases.some((phase) => phase.kinds.includes('public-vote')) && (
        <p>
          <Link className="btn btn-secondary" to={`/organiser/contests/${contest.id}/voting`} data-testid="open-voting">
            {t('voting.open')} →
          </Link>
        </p>
      )}
      <CountsPanel contest={contest} counts={counts} />

      <section className="section">
        <h2>{t('organiser.registrations')}</h2>
        <Form
          method="get"
          className="filters"
          // A choice filters at once; the search box waits for Enter or its button, not every keystroke.
          onChange={(e) => (e.target as HTMLElement).getAttribute('name') !== 'q' && submit(e.currentTarget)}
          data-testid="registration-filters"
        >
          <label>
            <span>{t('organiser.search')}</span>
            <input type="search" name="q" defaultValue={selected.q} placeholder={t('organiser.searchHint')} maxLength={100} data-testid="filter-q" />
          </label>
          {['sort', 'order'].map((key) => search.get(key) && <input key={key} type="hidden" name={key} value={search.get(key)!} />)}
          <label>
            <span>{t('registration.division')}</span>
            <select name="division" defaultValue={selected.division} data-testid="filter-division">
              <option value="">{t('organiser.all')}</option>
              {contest.divisions.map((d) => (
                <option key={d.id} value={d.id}>
                  {name(d)}
                </option>
              ))}
            </select>
          </label>
          {contest.zones.length > 0 && (
            <label>
              <span>{t('form.zone')}</span>
              <select name="zone" defaultValue={selected.zone} data-testid="filter-zone">
                <option value="">{t('organiser.all')}</option>
                {contest.zones.map((z) => (
                  <option key={z.id} value={z.id}>
                    {name(z)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            <span>{t('organiser.status')}</span>
            <select name="status" defaultValue={selected.status} data-testid="filter-status">
              <option value="">{t('organiser.all')}</option>
              <option value="active">{t('registrationStatus.active')}</option>
              <option value="withdrawn">{t('registrationStatus.withdrawn')}</option>
            </select>
          </label>
          <button type="submit" className="btn btn-secondary" data-testid="filter-submit">
            {t('organiser.filter')}
          </button>
          {loading && <span className="muted small">{t('common.loading')}</span>}
        </Form>
        <div aria-busy={loading} className={loading ? 'is-loading' : undefined}>
          <RegistrationsTable contest={contest} registrations={registrations} mayReveal={organisesContest(account, contest.id)} />
        </div>
        {pager.matched > 0 && (
          <nav className="pager" aria-label={t('organiser.pages')} data-testid="registrations-pager">
            {pager.previous && (
              <Link to={pager.previous} data-testid="pager-previous">
                ← {t('organiser.previous')}
              </Link>
            )}{' '}
            <span className="muted small" data-testid="pager-range">
              {t('organiser.range', { from: pager.from, to: pager.to, n: pager.matched })}
            </span>{' '}
            {pager.next && (
              <Link to={pager.next} data-testid="pager-next">
                {t('organiser.next')} →
              </Link>
            )}
          </nav>
        )}
      </section>

      {organisesContest(account, contest.id) && <WorksSection contest={contest} />}

      {organisesContest(account, contest.id) && contest.editionOf && contest.carriedOver && <EditionTextsForm key={contest.version.number} contest={contest} />}

      {organisesContest(account, contest.id) && <NewEditionForm contest={contest} />}

      {organisesContest(account, contest.id) && contest.editionOf && counts.total + counts.withdrawn === 0 && <DeleteEditionButton contest={contest} />}
    </>
  );
};
