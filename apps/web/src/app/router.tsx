import { createBrowserRouter, Navigate } from 'react-router';
import { useUser } from '../auth/session';
import ConsoleLayout from './ConsoleLayout';
import RequireSession from './RequireSession';
import { homeOf, PAGES, toRouteObject } from './routes';

function Home() {
  return <Navigate to={homeOf(useUser().role)} replace />;
}

export const router = createBrowserRouter([
  {
    path: '/login',
    lazy: async () => ({ Component: (await import('../pages/login/LoginPage')).default }),
  },
  {
    element: <RequireSession />,
    children: [
      {
        element: <ConsoleLayout />,
        children: [
          { index: true, element: <Home /> },
          ...PAGES.map(toRouteObject),
          {
            path: '*',
            lazy: async () => ({
              Component: (await import('../pages/not-found/NotFoundPage')).default,
            }),
          },
        ],
      },
    ],
  },
]);
