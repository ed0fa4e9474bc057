import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { loadSession, type SessionUser } from './api';

export const SessionContext = createContext<SessionUser | undefined>(undefined);

/** The signed-in user (inside the layout, which signs in first). */
export function useUser(): SessionUser {
  const user = useContext(SessionContext);
  if (user === undefined) throw new Error('useUser outside a signed-in layout');
  return user;
}

export function useSession() {
  return useQuery({ queryKey: ['session'], queryFn: loadSession, staleTime: 60_000 });
}

export const hasRole = (user: SessionUser, ...roles: string[]): boolean =>
  user.roles.some((role) => roles.includes(role));

/** The roles that work queues and see member data. */
export const WORKER_ROLES = ['coach', 'advocate', 'supervisor'];
