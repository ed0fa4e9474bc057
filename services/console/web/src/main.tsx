import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api';
import { Layout } from './Layout';
import { CasePage } from './pages/CasePage';
import { HomePage } from './pages/HomePage';
import { MemberPage } from './pages/MemberPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OpsDeadLetterPage } from './pages/OpsDeadLetterPage';
import { OpsDeadLettersPage } from './pages/OpsDeadLettersPage';
import { OpsPage } from './pages/OpsPage';
import { SupervisorPage } from './pages/SupervisorPage';
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
      { path: '/cases/:caseId', element: <CasePage /> },
      { path: '/supervisor', element: <SupervisorPage /> },
      { path: '/ops', element: <OpsPage /> },
      { path: '/ops/dead-letters/:topic', element: <OpsDeadLettersPage /> },
      { path: '/ops/dead-letters/:topic/:partition/:offset', element: <OpsDeadLetterPage /> },
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
