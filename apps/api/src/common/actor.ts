import type { Actor } from '@duban/outbox';
import type { AuthUser } from '../auth/auth-user';

/** The audit-log actor for a signed-in user. */
export const actorOf = (user: AuthUser): Actor => ({ userId: user.id, label: user.username });
