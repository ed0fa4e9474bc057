import { useEffect } from 'react';
import { Button } from 'react-aria-components';
import { NavLink, Outlet } from 'react-router';
import { signIn, signOut } from './api';
import { OPS_ROLES } from './ops-types';
import { hasRole, SessionContext, useSession, WORKER_ROLES } from './session';

/** The frame of every page: a skip link, the navigation the user's roles allow, who is signed in, sign-out. */
export function Layout() {
  const session = useSession();
  const authenticated = session.data?.authenticated === true;
  useEffect(() => {
    if (session.data !== undefined && !authenticated) signIn();
  }, [session.data, authenticated]);

  if (session.isError)
    return <p role="alert">The console cannot be reached. Reload the page to try again.</p>;
  const user = session.data?.user;
  if (!authenticated || user === undefined) return <p aria-live="polite">Signing in…</p>;
  return (
    <SessionContext.Provider value={user}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top-bar">
        <span className="brand">Care console</span>
        <nav aria-label="Main">
          <ul>
            {hasRole(user, ...WORKER_ROLES) && (
              <li>
                <NavLink to="/work">My work</NavLink>
              </li>
            )}
            {hasRole(user, 'supervisor', 'ops', 'admin') && (
              <li>
                <NavLink to="/supervisor">Queues</NavLink>
              </li>
            )}
            {hasRole(user, ...OPS_ROLES) && (
              <li>
                <NavLink to="/ops">Operations</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <span className="who">
          {user.name} <span className="roles">({user.roles.join(', ')})</span>
        </span>
        <Button className="button secondary" onPress={() => void signOut()}>
          Sign out
        </Button>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </SessionContext.Provider>
  );
}
