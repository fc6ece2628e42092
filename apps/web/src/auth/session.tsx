import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { api, unwrap, whenSessionExpires } from '../api/client';
import { ApiError } from '../api/errors';
import type { components } from '../api/schema';

export type SignedInUser = components['schemas']['AuthUserDto'];
export type Role = SignedInUser['role'];

/** The office's own roles: they run the ledger, imports, approvals and the directory. */
export const OFFICE_ROLES: readonly Role[] = ['admin', 'supervisor'];

interface Session {
  /** undefined while the api is asked; null when nobody is signed in. */
  user: SignedInUser | null | undefined;
  signIn: (username: string, password: string) => Promise<SignedInUser>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

const ME = ['auth', 'me'] as const;

/**
 * Another person's (or no one's) session begins: every cached answer but "who is signed in"
 * is dropped, and that one is set, so the pages observing it redraw at once.
 */
function switchSession(queries: QueryClient, user: SignedInUser | null): void {
  queries.removeQueries({ predicate: (query) => query.queryKey[0] !== ME[0] });
  queries.setQueryData(ME, user);
}

/** Where sign-in sends the person afterwards: the page they wanted, mail links included. */
export function signInPath(next: string): string {
  return next && next !== '/' && !next.startsWith('/login')
    ? `/login?next=${encodeURIComponent(next)}`
    : '/login';
}

function currentPath(): string {
  return `${window.location.pathname}${window.location.search}`;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const me = useQuery({
    queryKey: ME,
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/v1/auth/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          return null;
        }
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });

  useEffect(() => {
    // Any call answered 401 (expired, signed out elsewhere, disabled): back to sign-in, then here.
    whenSessionExpires(() => {
      switchSession(queries, null);
      if (!window.location.pathname.startsWith('/login')) {
        window.location.assign(signInPath(currentPath()));
      }
    });
  }, [queries]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const session = await unwrap(
        api.POST('/api/v1/auth/session', { body: { username, password } }),
      );
      switchSession(queries, session.user);
      return session.user;
    },
    [queries],
  );

  const signOut = useCallback(async () => {
    await api.DELETE('/api/v1/auth/session');
    switchSession(queries, null);
    // TanStack Query tells the pages of the change on its next tick (setTimeout 0); a caller that
    // navigates to sign-in at once would reach it while the page still sees the old user and be
    // sent back (LoginPage forwards a signed-in person). Resolve once the pages have been told.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }, [queries]);

  const value = useMemo<Session>(
    () => ({ user: me.isPending ? undefined : (me.data ?? null), signIn, signOut }),
    [me.isPending, me.data, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error('useSession outside SessionProvider');
  }
  return session;
}

/** The signed-in user, on pages that are only drawn for one (RequireSession guarantees it). */
export function useUser(): SignedInUser {
  const { user } = useSession();
  if (!user) {
    throw new Error('useUser on a page drawn without a session');
  }
  return user;
}

export function isOffice(role: Role): boolean {
  return OFFICE_ROLES.includes(role);
}
