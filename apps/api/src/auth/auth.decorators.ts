import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { UserRole } from '@duban/db';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'duban:public';
export const ROLES = 'duban:roles';

/** The route needs no token (health, docs, login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; without it any signed-in user may. */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

/** Roles that may read everything; `department` users see their own department's work only. */
export const READ_ALL_ROLES: UserRole[] = ['admin', 'supervisor', 'leader'];
/** Roles that act for the supervising office. */
export const OFFICE_ROLES: UserRole[] = ['admin', 'supervisor'];

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => {
    const request = context.switchToHttp().getRequest<{ user?: AuthUser }>();
    if (!request.user) {
      throw new Error('CurrentUser used on a public route');
    }
    return request.user;
  },
);
