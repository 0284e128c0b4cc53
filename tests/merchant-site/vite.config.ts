/**
 * The demo back office's build: React 18 + Ant Design 5 pages (app/) bundled into dist/, which
 * server.ts serves under /static/. `npx vite build --config tests/merchant-site/vite.config.ts`,
 * or let build.ts do it when dist/ is missing or older than the sources.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./app/', import.meta.url)),
  base: '/static/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./dist/', import.meta.url)),
    emptyOutDir: true,
    // The real back office ships minified bundles; so does the demo (the bench measures the page's own script).
    minify: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    reportCompressedSize: false,
    rollupOptions: {
      // Ant Design's modules start with "use client" (for React Server Components): meaningless here.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
