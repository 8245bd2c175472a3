/**
 * Who is signed in. Loaded once from /api/auth/me; any 401 from the API ends the session in the UI
 * and sends the user to the sign-in page, with the page they were on as the way back.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, setUnauthenticatedHandler } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { navigate } from './router.tsx';

type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; error?: unknown }
  | { status: 'signed-in'; me: Me };

interface SessionApi {
  state: SessionState;
  signIn(email: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
  /** A session the server started another way (a portal invitation accepted): take it as signed in. */
  adopt(me: Me): void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function loginPath(next: string): string {
  return next && next !== '/' && !next.startsWith('/login')
    ? `/login?next=${encodeURIComponent(next)}`
    : '/login';
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setState({ status: 'signed-out' });
      if (window.location.pathname !== '/login') {
        navigate(loginPath(window.location.pathname + window.location.search), { replace: true });
      }
    });
    api
      .get<Me>('/auth/me', { allowUnauthenticated: true })
      .then((me) => setState({ status: 'signed-in', me }))
      .catch((error) =>
        setState(
          error instanceof ApiError && error.status === 401
            ? { status: 'signed-out' }
            : { status: 'signed-out', error },
        ),
      );
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const me = await api.post<Me>('/auth/login', { email, password }, { allowUnauthenticated: true });
    setState({ status: 'signed-in', me });
    return me;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/auth/logout', undefined, { allowUnauthenticated: true });
    } finally {
      setState({ status: 'signed-out' });
      navigate('/login');
    }
  }, []);

  const adopt = useCallback((me: Me) => setState({ status: 'signed-in', me }), []);

  const value = useMemo(() => ({ state, signIn, signOut, adopt }), [state, signIn, signOut, adopt]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user and workspace; only for pages inside the signed-in shell. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe needs a signed-in session');
  return state.me;
}

/** The workspace's currency: every amount on screen is in it. */
export function useCurrency(): string {
  return useMe().workspace.currency;
}
