/**
 * Builds the web UI into apps/web/dist, which the server serves under a strict CSP
 * (`style-src 'self'`, no inline styles). Mantine's `<style>` injector is swapped for a
 * CSSOM one (see src/app/csp-inline-styles.ts), the only way AppShell works under that CSP.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import { defineConfig, type Plugin } from 'vite';

const here = import.meta.dirname;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
/** Text formats worth compressing; images and fonts (woff2 is already brotli) are left alone. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/;

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) next to every
 * compressible file of the build, once, at build time. The server serves them by
 * Accept-Encoding (@fastify/static `preCompressed`, apps/server/src/app.ts), so no request
 * pays for compression. A copy not smaller than its original is not written.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'clinicdesk-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await fs.readdir(outDir, { recursive: true, withFileTypes: true }))
        .filter((d) => d.isFile() && COMPRESSIBLE.test(d.name))
        .map((d) => path.join(d.parentPath, d.name));
      await Promise.all(
        files.map(async (file) => {
          const body = await fs.readFile(file);
          const [br, gz] = await Promise.all([
            brotli(body, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
                [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
              },
            }),
            gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
          ]);
          if (br.length < body.length) await fs.writeFile(`${file}.br`, br);
          if (gz.length < body.length) await fs.writeFile(`${file}.gz`, gz);
        }),
      );
    },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react(), precompress()],
  resolve: {
    alias: [
      // Every import of Mantine's InlineStyles (relative, from inside @mantine/core) resolves to ours.
      { find: /^.*\/InlineStyles\/InlineStyles\.mjs$/, replacement: path.join(here, 'src/app/csp-inline-styles.ts') },
      // Modal/Drawer scroll lock (react-remove-scroll) writes <style> elements through this package.
      { find: /^react-style-singleton$/, replacement: path.join(here, 'src/app/csp-style-singleton.ts') },
    ],
  },
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: {
    // The server reads the same variable (apps/server/src/server.ts WEB_DIST).
    outDir: process.env.CLINICDESK_WEB_DIST ? path.resolve(process.env.CLINICDESK_WEB_DIST) : path.join(here, 'dist'),
    emptyOutDir: true,
    // Inlined assets would become data: URLs; keep everything a file under 'self'.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/readyz': 'http://localhost:3000' } },
});
