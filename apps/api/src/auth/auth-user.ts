import type { UserRole } from '@duban/db';

/** Who is calling, as carried by the access token. */
export interface AuthUser {
  id: string;
  username: string;
  role: UserRole;
  /** Set for department users only: the one department they act for. */
  departmentId: string | null;
}

export interface AccessTokenClaims {
  sub: string;
  username: string;
  role: UserRole;
  dept: string | null;
}
