/**
 * Builds the web UI into apps/web/dist, which the server serves under a strict CSP
 * (`style-src 'self'`, no inline styles). Mantine's `<style>` injector is swapped for a
 * CSSOM one (see src/app/csp-inline-styles.ts), the only way AppShell works under that CSP.
 */
import path from 'node:path';
import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
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
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    // Inlined assets would become data: URLs; keep everything a file under 'self'.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/readyz': 'http://localhost:3000' } },
});
