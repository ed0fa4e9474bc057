import { Navigate } from 'react-router';
import { hasRole, useUser, WORKER_ROLES } from '../session';

/** Where each role starts its day. */
export function HomePage() {
  const user = useUser();
  if (hasRole(user, 'coach', 'advocate')) return <Navigate to="/work" replace />;
  if (hasRole(user, 'supervisor', 'admin')) return <Navigate to="/supervisor" replace />;
  if (hasRole(user, 'ops')) return <Navigate to="/ops" replace />;
  return (
    <section>
      <h1>Welcome</h1>
      <p>
        {hasRole(user, ...WORKER_ROLES)
          ? 'Choose a page above.'
          : 'The console has no page for your role yet.'}
      </p>
    </section>
  );
}
