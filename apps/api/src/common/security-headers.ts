import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Where the OpenAPI pages live; they alone need scripts, styles and images of their own. */
export const DOCS_PATH = '/docs';

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

function isDocsPath(url: string): boolean {
  return url === DOCS_PATH || url.startsWith(`${DOCS_PATH}/`) || url.startsWith(`${DOCS_PATH}-`);
}

/** Whether a response must not be kept by any cache: tokens and downloaded files. */
function mustNotBeStored(url: string, contentDisposition: unknown): boolean {
  return url.startsWith('/auth/') || url === '/auth' || typeof contentDisposition === 'string';
}

/**
 * Security headers on every response (nosniff, DENY framing, a content security policy, no
 * referrer), and Cache-Control: no-store on /auth/* answers (access tokens, the signed-in user)
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
      reply.header(
        'content-security-policy',
        Object.entries(DOCS_POLICY)
          .map(
            ([name, values]) =>
              `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`,
          )
          .join('; '),
      );
    }
    if (mustNotBeStored(url, reply.getHeader('content-disposition'))) {
      reply.header('cache-control', 'no-store');
      reply.header('pragma', 'no-cache');
    }
    return payload;
  });
}
