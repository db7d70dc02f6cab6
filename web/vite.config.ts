/**
 * Vite config for the web UI. Run from the repository root: `vite build --config web/vite.config.ts` writes web/dist,
 * which `xiezhi serve` serves with an SPA fallback. `vite --config web/vite.config.ts` starts a dev server that proxies
 * /api to a running `xiezhi serve` (XIEZHI_API, default http://localhost:7400).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { precompress } from './build/precompress.js';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [vue(), precompress(`${root}dist`)],
  resolve: { alias: { '@': `${root}src` } },
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.XIEZHI_API ?? 'http://localhost:7400', changeOrigin: false } },
  },
});
