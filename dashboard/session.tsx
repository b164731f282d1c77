import { createContext, useContext } from 'react';
import type { Session } from '@/lib/schema/dashboard';

export interface SessionValue {
  session: Session;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** The signed-in user; only pages inside the signed-in shell call it. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside the signed-in dashboard');
  return value;
}

export const isAdmin = (session: Session) => session.user.role === 'admin';
