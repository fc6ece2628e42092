import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const outDir = resolve(__dirname, '../../dist/web');

/**
 * Writes .br and .gz beside every script, style and page of the build: the api serves them as
 * they are (@fastify/static preCompressed), so no request pays for compression.
 */
function precompress(): Plugin {
  // The resolved outDir (not the default above), so `vite build --outDir <dir>` compresses its own.
  let builtInto = outDir;
  return {
    name: 'duban-precompress',
    apply: 'build',
    configResolved(config) {
      builtInto = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(builtInto).filter((path) => /\.(js|css|html|svg|json)$/.test(path))) {
        const content = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(content));
      }
    },
  };
}

/** The console: built into dist/web, served by the api at / (the API lives under /api/v1). */
export default defineConfig({
  root: __dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  plugins: [precompress()],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
