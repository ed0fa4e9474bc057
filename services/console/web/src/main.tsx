import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api';
import { Layout } from './Layout';
import { HomePage } from './pages/HomePage';
import { MemberPage } from './pages/MemberPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { WorkPage } from './pages/WorkPage';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal or a missing record does not get better by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      staleTime: 10_000,
      refetchOnWindowFocus: true,
    },
  },
});

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/work', element: <WorkPage /> },
      { path: '/members/:memberId', element: <MemberPage /> },
      // Pages of fewer users are loaded when first opened, not with the console.
      {
        path: '/cases/:caseId',
        lazy: async () => ({ Component: (await import('./pages/CasePage')).CasePage }),
      },
      {
        path: '/supervisor',
        lazy: async () => ({ Component: (await import('./pages/SupervisorPage')).SupervisorPage }),
      },
      { path: '/ops', lazy: async () => ({ Component: (await import('./pages/OpsPage')).OpsPage }) },
      {
        path: '/ops/dead-letters/:topic',
        lazy: async () => ({ Component: (await import('./pages/OpsDeadLettersPage')).OpsDeadLettersPage }),
      },
      {
        path: '/ops/dead-letters/:topic/:partition/:offset',
        lazy: async () => ({ Component: (await import('./pages/OpsDeadLetterPage')).OpsDeadLetterPage }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const root = document.getElementById('root');
if (root !== null)
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
