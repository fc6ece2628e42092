import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_PREFIX, DOCS_PATH, isServicePath } from './api-prefix';

/**
 * The API answers JSON and files, never pages to render: nothing may be framed, sniffed or run.
 * Swagger UI (when docs are on) loads its own scripts and styles from the same origin and uses
 * inline styles and a data: favicon, so its pages get a policy with those allowances.
 */
const API_POLICY = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

const DOCS_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  objectSrc: ["'none'"],
};

/**
 * The console's pages: its own scripts only; antd writes its styles into <style> elements at
 * run time (hence 'unsafe-inline' for styles alone); ECharts draws on canvas and exports as
 * data: images; every request goes to this origin.
 */
const CONSOLE_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
};

function policyHeader(policy: Record<string, string[]>): string {
  return Object.entries(policy)
    .map(
      ([name, values]) =>
        `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`,
    )
    .join('; ');
}

function isDocsPath(url: string): boolean {
  return url === DOCS_PATH || url.startsWith(`${DOCS_PATH}/`) || url.startsWith(`${DOCS_PATH}-`);
}

/** Whether a response must not be kept by any cache: tokens and downloaded files. */
function mustNotBeStored(url: string, contentDisposition: unknown): boolean {
  return url.startsWith(`${API_PREFIX}/auth/`) || typeof contentDisposition === 'string';
}

/**
 * Security headers on every response (nosniff, DENY framing, a content security policy — the
 * API's, the docs' or the console's —, no referrer), and Cache-Control: no-store on /auth/* answers (access tokens, the signed-in user)
 * and on every file download (ledger exports, assessment reports: any answer with a
 * Content-Disposition), wherever the route that sends it lives.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: API_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    hsts: false, // TLS ends at the proxy in front of the api, which sets HSTS for its own origin
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply, payload) => {
    const url = request.url.split('?')[0] ?? request.url;
    if (isDocsPath(url)) {
      reply.header('content-security-policy', policyHeader(DOCS_POLICY));
    } else if (!isServicePath(url)) {
      reply.header('content-security-policy', policyHeader(CONSOLE_POLICY));
    }
    if (mustNotBeStored(url, reply.getHeader('content-disposition'))) {
      reply.header('cache-control', 'no-store');
      reply.header('pragma', 'no-cache');
    }
    return payload;
  });
}
