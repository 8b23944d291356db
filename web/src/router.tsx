import { createBrowserRouter } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { BootLoading } from './components/Loading.tsx';
import { RouteError } from './components/RouteError.tsx';

/** Every page loads on first visit (lazy), with its data loader beside it. */
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
          { path: 'contests/:id/register', lazy: () => import('./participant/RegisterPage.tsx') },
          { path: 'registrations/:id/edit', lazy: () => import('./participant/EditRegistrationPage.tsx') },
          { path: 'registrations/:id/works', lazy: () => import('./participant/works/WorksPage.tsx') },
          { path: 'me', lazy: () => import('./participant/MyRegistrationsPage.tsx') },
          { path: 'join/:code', lazy: () => import('./participant/JoinPage.tsx') },
          { path: 'login', lazy: () => import('./participant/LoginPage.tsx') },
          { path: 'signup', lazy: () => import('./participant/SignupPage.tsx') },
          { path: 'organiser/contests/:id', lazy: () => import('./organiser/OrganiserContestPage.tsx') },
          { path: '*', lazy: () => import('./public/NotFoundPage.tsx') },
        ],
      },
    ],
  },
]);
