import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DubanConfig } from '@duban/config';
import { isServicePath } from '../common/api-prefix';

/** Vite names every built asset by its content hash: a year of caching is safe. */
const HASHED_ASSET = /^\/assets\//;

/** Shown at / when the api runs without a built console (e.g. straight from source). */
const NOT_BUILT_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>督办系统</title>
<p>控制台尚未构建。请先运行 <code>npm run build</code>，再启动 api。</p></html>`;

/**
 * Serves the built console from api.consoleDir on the api's own origin: its files as they are
 * (precompressed .br/.gz beside them are sent to clients that accept them), and index.html for
 * every other GET outside the API, so a console address such as /tasks/:id (the links in
 * reminder mails) opens the page the console's router draws. An unknown path under /api/ stays
 * a JSON 404.
 */
export async function registerConsoleSite(
  app: NestFastifyApplication,
  api: DubanConfig['api'],
): Promise<void> {
  const root = resolve(api.consoleDir);
  const fastify = app.getHttpAdapter().getInstance();
  const built = existsSync(resolve(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => {
        const url = path.slice(root.length).replace(/\\/g, '/');
        void reply.header(
          'cache-control',
          HASHED_ASSET.test(url) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  fastify.get('/*', async (request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    if (isServicePath(path)) {
      return reply.code(404).send({
        message: `Cannot GET ${path}`,
        error: 'Not Found',
        statusCode: 404,
      });
    }
    if (!built) {
      return reply.code(404).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    }
    // The page itself is never cached: a new build's asset names reach the browser at once.
    return reply.header('cache-control', 'no-cache').sendFile('index.html', root);
  });
}
