import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { BootLoading } from './components/Loading.tsx';
import type { TitleHandle } from './lib/title.ts';

const titled = (title: TitleHandle['title']): TitleHandle => ({ title });
import { RouteError } from './components/RouteError.tsx';

/**
 * Every page loads on first visit (lazy), with its data loader beside it. A page's tab title is its
 * handle's label beside the name of the contest its loader returned (Layout sets it).
 */
export const router = createBrowserRouter([
  {
    path: '/',
    Component: Layout,
    errorElement: <RouteError />,
    HydrateFallback: BootLoading,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, lazy: () => import('./public/ContestListPage.tsx') },
          { path: 'contests/:id', lazy: () => import('./public/ContestPage.tsx') },
          { path: 'contests/:id/register', lazy: () => import('./participant/RegisterPage.tsx'), handle: titled('register.title') },
          { path: 'contests/:id/vote/:phaseId', lazy: () => import('./voting/ShowcasePage.tsx'), handle: titled('vote.title') },
          { path: 'contests/:id/vote/:phaseId/entries/:entryId', lazy: () => import('./voting/EntryPage.tsx'), handle: titled('vote.entryTitle') },
          { path: 'registrations/:id/edit', lazy: () => import('./participant/EditRegistrationPage.tsx'), handle: titled('edit.title') },
          { path: 'registrations/:id/works', lazy: () => import('./participant/works/WorksPage.tsx'), handle: titled('worksPage.title') },
          { path: 'me', lazy: () => import('./participant/MyRegistrationsPage.tsx'), handle: titled('me.title') },
          { path: 'join/:code', lazy: () => import('./participant/JoinPage.tsx'), handle: titled('join.titleMember') },
          { path: 'login', lazy: () => import('./participant/LoginPage.tsx'), handle: titled('login.title') },
          { path: 'signup', lazy: () => import('./participant/SignupPage.tsx'), handle: titled('signup.title') },
          { path: 'judge-invitations/:code', lazy: () => import('./judge/InvitationPage.tsx'), handle: titled('judge.invitation.title') },
          { path: 'judge', lazy: () => import('./judge/JudgeHomePage.tsx'), handle: titled('judge.home.title') },
          { path: 'judge/contests/:id', lazy: () => import('./judge/JudgeContestPage.tsx'), handle: titled('judge.contest.title') },
          { path: 'judge/contests/:id/profile', lazy: () => import('./judge/JudgeProfilePage.tsx'), handle: titled('judge.profile.title') },
          { path: 'judge/contests/:id/rounds/:roundId', lazy: () => import('./judge/RoundEntriesPage.tsx'), handle: titled('judge.round.title') },
          {
            path: 'judge/contests/:id/rounds/:roundId/entries/:entryId',
            lazy: () => import('./judge/EntryScorePage.tsx'),
            handle: titled('judge.entry.title'),
          },
          { path: 'organiser', lazy: () => import('./organiser/OrganiserHomePage.tsx'), handle: titled('organiser.myContests') },
          { path: 'organiser/contests/:id', lazy: () => import('./organiser/OrganiserContestPage.tsx'), handle: titled('organiser.manage') },
          { path: 'organiser/contests/:id/review', lazy: () => import('./organiser/review/ReviewPage.tsx'), handle: titled('review.kicker') },
          { path: 'organiser/contests/:id/voting', lazy: () => import('./organiser/voting/VotingPage.tsx'), handle: titled('voting.kicker') },
          { path: 'organiser/registrations/:id', lazy: () => import('./organiser/RegistrationDetailPage.tsx'), handle: titled('organiser.detail') },
          { path: '*', lazy: () => import('./public/NotFoundPage.tsx') },
        ],
      },
    ],
  },
]);
