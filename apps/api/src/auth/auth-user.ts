import type { UserRole } from '@duban/db';

/** Who is calling: the user as PostgreSQL has them now (see AuthGuard), never as the token says. */
export interface AuthUser {
  id: string;
  username: string;
  role: UserRole;
  /** Set for department users only: the one department they act for. */
  departmentId: string | null;
}

/**
 * What an access token carries. `role` and `dept` are for the web console's convenience only:
 * the server reads both from the user's row on every request.
 */
export interface AccessTokenClaims {
  sub: string;
  username: string;
  role: UserRole;
  dept: string | null;
  /** The user's session version when the token was signed; a different current one ends it. */
  ver: number;
  /** Set by the JWT library when signing; a token without `exp` is refused. */
  iat?: number;
  exp?: number;
}
