import type { FastifyReply } from 'fastify';
import type {} from '@fastify/cookie';
import { API_PREFIX } from '../common/api-prefix';

/**
 * The console's session: the access token in an httpOnly, SameSite=Strict cookie scoped to the
 * API's path. Chosen over a token kept in the page's memory because a clerk works in the
 * console all day and reloads, opens tabs and follows mail links: a token in memory would be
 * gone at each of those, and one in localStorage could be read by any script that ever ran
 * in the page. httpOnly keeps it from scripts; SameSite=Strict keeps other sites' pages from
 * sending it; the console's header (CONSOLE_HEADER) is also required on every cookie-borne
 * write, which a cross-site form cannot set. HTTP clients keep using the bearer header.
 */
export const SESSION_COOKIE = 'duban_session';

/** Sent by the console on every request; a write carried by the cookie without it is refused. */
export const CONSOLE_HEADER = 'x-duban-console';

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  maxAgeSeconds: number,
  secure: boolean,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: `${API_PREFIX}/`,
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure,
    path: `${API_PREFIX}/`,
  });
}
