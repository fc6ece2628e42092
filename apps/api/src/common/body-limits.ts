import type { FastifyInstance, RouteOptions } from 'fastify';
import type { DubanConfig } from '@duban/config';
import { API_PREFIX } from './api-prefix';

/**
 * Routes that carry a document: the plan text posted as JSON, its review edits (a draft of
 * several hundred tasks) and the upload form. They keep api.bodyLimitBytes (MB); every other
 * route gets a few KB.
 */
const DOCUMENT_ROUTES: ReadonlyArray<{ method: string; url: string }> = [
  { method: 'POST', url: `${API_PREFIX}/plan-imports` },
  { method: 'POST', url: `${API_PREFIX}/plan-imports/upload` },
  { method: 'PATCH', url: `${API_PREFIX}/plan-imports/:id` },
];

/** Sign-in: a user name and a password, answered before any check of who is asking. */
const LOGIN_ROUTES: ReadonlyArray<{ method: string; url: string }> = [
  { method: 'POST', url: `${API_PREFIX}/auth/login` },
  { method: 'POST', url: `${API_PREFIX}/auth/session` },
];

function methods(route: RouteOptions): string[] {
  return Array.isArray(route.method) ? route.method : [route.method];
}

function matches(route: RouteOptions, wanted: { method: string; url: string }): boolean {
  return route.url === wanted.url && methods(route).includes(wanted.method);
}

/** The largest body `route` accepts: the one table of which route gets which limit. */
export function bodyLimitFor(route: RouteOptions, api: DubanConfig['api']): number {
  if (LOGIN_ROUTES.some((wanted) => matches(route, wanted))) {
    return api.loginBodyLimitBytes;
  }
  if (DOCUMENT_ROUTES.some((wanted) => matches(route, wanted))) {
    return api.bodyLimitBytes;
  }
  return api.jsonBodyLimitBytes;
}

/**
 * Gives each route its body limit as it is registered (so this must run before Nest registers
 * the routes). Fastify compares Content-Length, and counts streamed bytes, against the limit
 * before parsing: a body over it is a 413 without being read to the end or parsed.
 */
export function registerBodyLimits(fastify: FastifyInstance, api: DubanConfig['api']): void {
  fastify.addHook('onRoute', (route) => {
    route.bodyLimit = bodyLimitFor(route, api);
  });
}
