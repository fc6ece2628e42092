/**
 * Every API route lives under this prefix so the console (served by the same api at `/`, with
 * its own paths such as /tasks/:id for the links in mails) never collides with an API route.
 * The version lets a future incompatible API live beside this one. /health stays at the root
 * for load balancers and container health checks.
 */
export const API_PREFIX = '/api/v1';

/** Swagger UI and the OpenAPI document (`/api/docs-json`), outside the versioned prefix. */
export const DOCS_PATH = '/api/docs';

/** Paths of the API, its docs and /health: everything else belongs to the console. */
export function isServicePath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/health';
}
